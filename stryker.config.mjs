// @ts-check
/**
 * Mutation testing of the pure core (`npm run mutation`; docs/mutation.md). Not part of `npm test`: a full run takes
 * the better part of an hour on two cores. Run it niced, one test process at a time, on a shared machine:
 *   nice -n 19 npm run mutation
 *   nice -n 19 npm run mutation -- --mutate src/core/iam/tokenCache.ts     (one file while writing tests)
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  packageManager: 'npm',
  mutate: ['src/core/**/*.ts'],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.ts', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.core.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  concurrency: 1,
  // Generous: on a loaded machine a slow run must not pass for a timed-out (killed) mutant.
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/.stryker-tmp',
  ignorePatterns: ['dist', 'collections', 'examples', 'reports', 'build', 'coverage', '.tools'],
  cleanTempDir: true,
  thresholds: { high: 95, low: 90, break: null },
};

export default config;
