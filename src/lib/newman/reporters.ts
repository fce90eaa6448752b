/**
 * Newman's reporters: its own (cli, json, junit, progress, emojitrain) and the installed `newman-reporter-<name>`
 * packages. Newman loads an external reporter from its own install (require from node_modules/newman) and, when
 * that fails, only warns and runs without it. hwc-auth checks every reporter before the run: one that Newman finds
 * is left to Newman; one installed only where hwc-auth is run from (a project's node_modules while hwc-auth itself
 * runs from elsewhere, e.g. npx) is loaded from there and attached to the run as Newman would attach it; one found
 * nowhere is an error naming the package to install.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UsageError } from '../exitCodes';
import type { NewmanEmitter, NewmanRunOptions } from './api';

export const BUILT_IN_REPORTERS = ['cli', 'json', 'junit', 'progress', 'emojitrain'];

type ReporterConstructor = new (emitter: NewmanEmitter, options: Record<string, unknown>, runOptions: Record<string, unknown>) => unknown;

/** The npm package of a reporter name, scoped ones included: `@org/x` -> `@org/newman-reporter-x`. */
export function reporterPackage(name: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') + 1 : 0;
  return `${name.slice(0, slash)}newman-reporter-${name.slice(slash)}`;
}

function resolveFrom(pkg: string, dir: string): string | undefined {
  try {
    return createRequire(join(dir, 'index.js')).resolve(pkg);
  } catch {
    return undefined;
  }
}

/** Reporters Newman cannot find itself but the working directory can, by name and path; throws for missing ones. */
export function locateReporters(names: readonly string[], cwd = process.cwd()): Record<string, string> {
  const newmanDir = dirname(require.resolve('newman'));
  const ours: Record<string, string> = {};
  for (const name of names) {
    if (BUILT_IN_REPORTERS.includes(name)) continue;
    const pkg = reporterPackage(name);
    if (resolveFrom(pkg, newmanDir)) continue;
    const local = resolveFrom(pkg, cwd);
    if (!local) throw new UsageError(`reporter ${name} not found: install it (npm install --save-dev ${pkg}) next to hwc-auth or in ${cwd}`);
    ours[name] = local;
  }
  return ours;
}

/**
 * Attaches the reporters locateReporters found, before Newman initialises its own: Newman skips a name already in
 * emitter.reporters, so each is loaded once, with the options Newman would give it.
 */
export function attachReporters(emitter: NewmanEmitter, located: Record<string, string>, options: NewmanRunOptions): void {
  const names = Object.keys(located);
  if (names.length === 0) return;
  const newmanVersion = (createRequire(require.resolve('newman'))('./package.json') as { version: string }).version;
  const holder = emitter as NewmanEmitter & { reporters?: Record<string, unknown> };
  holder.reporters = holder.reporters ?? {};
  for (const name of names) {
    const path = located[name] as string;
    const Reporter = createRequire(path)(path) as ReporterConstructor;
    holder.reporters[name] = new Reporter(emitter, options.reporter?.[name] ?? {}, { ...options, newmanVersion });
  }
}
