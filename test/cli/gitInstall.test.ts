import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutBuildCommit } from '../../src/lib/signerBlock';
import { ROOT, tempDir } from './helpers';

/**
 * Installing without the registry, as the README's first section says: `npm i -D git+<url>` of a fresh clone of
 * this repository (the committed HEAD: uncommitted changes are not in it) into an empty project. npm clones it,
 * installs its dependencies and runs `prepare`, which builds dist/; the project then has a working `npx hwc-auth`.
 * Dependencies come from npm's cache (--prefer-offline): `npm ci` in this repository put every one of them there.
 * npm 12 resolves git dependencies only with --allow-git and runs their `prepare` only when the project's
 * package.json allows it (allowScripts, keyed by the git URL): the README says so, and the project here does both.
 */
jest.setTimeout(600_000);

const NPM_TIMEOUT_MS = 540_000;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: NPM_TIMEOUT_MS,
    env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' },
  });
}

describe('npm i -D git+file://<fresh clone>', () => {
  const head = run('git', ['rev-parse', 'HEAD'], ROOT).trim();
  const clone = join(tempDir('git-clone'), 'huaweicloud-postman-auth');
  const project = tempDir('git-install');
  const url = `git+file://${clone}`;

  beforeAll(() => {
    run('git', ['clone', '--quiet', ROOT, clone], ROOT);
    run('git', ['checkout', '--quiet', '--detach', head], clone);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-api-tests', version: '1.0.0', private: true, allowScripts: { [url]: true } }));
    run('npm', ['install', '-D', url, '--allow-git=root', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project);
  });

  it('builds dist/ through prepare: npx hwc-auth print prints the committed paste form', () => {
    const installed = join(project, 'node_modules', 'huaweicloud-postman-auth');
    for (const file of ['cli.js', 'index.js', 'prerequest.js', 'prerequest.readable.js', 'postresponse.js', 'postresponse.readable.js', 'types/index.d.ts']) {
      expect(existsSync(join(installed, 'dist', file))).toBe(true);
    }
    const printed = run('npx', ['--no', '--', 'hwc-auth', 'print'], project);
    expect(printed).toMatch(/^"use sandbox2";\/\*! huaweicloud-postman-auth /);
    expect(withoutBuildCommit(printed)).toBe(run('git', ['show', `${head}:paste/prerequest.js`], ROOT));
    const post = run('npx', ['--no', '--', 'hwc-auth', 'print', '--post-response'], project);
    expect(withoutBuildCommit(post)).toBe(run('git', ['show', `${head}:paste/postresponse.js`], ROOT));
  });

  it('npx hwc-auth runs every command of the installed package', () => {
    const pkg = JSON.parse(run('git', ['show', `${head}:package.json`], ROOT)) as { version: string };
    expect(run('npx', ['--no', '--', 'hwc-auth', '--version'], project).trim()).toBe(pkg.version);
    const help = run('npx', ['--no', '--', 'hwc-auth', '--help'], project);
    for (const command of ['print', 'inject', 'run', 'mock', 'sign', 'doctor']) expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });
});
