/**
 * The Postman CLI for the Postman CLI tier, installed on first use into .tools/postman-cli (gitignored) and pinned.
 * It is not a dependency of the project: its per-platform binaries are optional dependencies, `npm ci` insists on
 * finding every one of them in the lock file, and a registry that lacks one (this workplace's has only linux-x64)
 * can never write them there. A plain `npm install` of the tool into its own folder skips the missing ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const POSTMAN_CLI_VERSION = '1.34.0';
const TOOL_DIR = join(__dirname, '..', '..', '.tools', 'postman-cli');
const PACKAGE_DIR = join(TOOL_DIR, 'node_modules', 'postman-cli');

function installedVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Path of the Postman CLI's entry script (run it with node), installing the pinned version when missing. */
export function postmanCliEntry(): string {
  if (installedVersion() !== POSTMAN_CLI_VERSION) {
    process.stderr.write(`installing postman-cli@${POSTMAN_CLI_VERSION} into ${TOOL_DIR}\n`);
    execFileSync(
      'npm',
      ['install', '--prefix', TOOL_DIR, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `postman-cli@${POSTMAN_CLI_VERSION}`],
      { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
    );
  }
  const entry = join(PACKAGE_DIR, 'bin', 'postman.js');
  if (!existsSync(entry)) throw new Error(`postman-cli@${POSTMAN_CLI_VERSION} did not install: ${entry} is missing`);
  return entry;
}
