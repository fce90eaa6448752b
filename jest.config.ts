import type { Config } from 'jest';

type ProjectConfig = Exclude<NonNullable<Config['projects']>[number], string>;

const shared: ProjectConfig = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
};

/**
 * Two builds of the pre-request script ship (scripts/build.ts): the paste form (dist/prerequest.js, minified) and the
 * readable build. Every test runs against the paste form; the sandbox and Newman end-to-end tiers run again against
 * the readable build (test/setup/readableBuild.ts points HWC_AUTH_SCRIPT at it), so the two are shown to behave alike.
 */
const config: Config = {
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'paste form', testMatch: ['**/*.test.ts'] },
    {
      ...shared,
      displayName: 'readable build',
      testMatch: ['<rootDir>/test/sandbox/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup/readableBuild.ts'],
    },
  ],
};

export default config;
