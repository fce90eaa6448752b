import fc from 'fast-check';

/**
 * For mutation runs only (jest.mutation.config.ts): a property that fails on a mutant stops at its first
 * counterexample instead of shrinking it. The mutant is killed all the same; shrinking only makes the report of a
 * real failure readable, and under a mutant it can run into Stryker's timeout.
 */
fc.configureGlobal({ endOnFailure: true });
