import type { Config } from 'jest';

/**
 * The core's own tests, for mutation testing (stryker.config.mjs, `npm run mutation`): the unit tests of src/core
 * (test/core, test/iam), the official vectors (test/vectors), the official Node SDK as an oracle (test/oracle) and
 * the registry's check against the README (test/docs/variables.test.ts). Not the sandbox, e2e, CLI or mock tiers:
 * they test built bundles and servers, and take minutes per run.
 *
 * ts-jest only transpiles here (isolatedModules): the mutants are type-checked once by Stryker's TypeScript checker,
 * and every test file is still type-checked by `npm test`.
 */
const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: [
    '<rootDir>/test/core/**/*.test.ts',
    '<rootDir>/test/iam/**/*.test.ts',
    '<rootDir>/test/vectors/**/*.test.ts',
    '<rootDir>/test/oracle/**/*.test.ts',
    '<rootDir>/test/docs/variables.test.ts',
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
  setupFiles: ['<rootDir>/test/setup/fastCheckEndOnFailure.ts'],
};

export default config;
