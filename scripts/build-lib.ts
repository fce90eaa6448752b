/**
 * Builds the npm package's JavaScript: dist/cli.js (the hwc-auth bin, with a shebang) and dist/index.js (the library),
 * each one CommonJS file for Node with the core bundled in and runtime dependencies left external; then the
 * library's declarations into dist/types with tsc (tsconfig.lib.json). dist/prerequest.js is scripts/build.ts's job.
 *
 *   tsx scripts/build-lib.ts            all of it
 *   tsx scripts/build-lib.ts --no-types skip the declarations (tests, which need only the JS)
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..');
/** Installed with the package (dependencies), so not bundled. */
export const EXTERNAL = ['newman', 'commander', 'postman-collection'];

export interface BuildLibOptions {
  outDir?: string;
  types?: boolean;
}

export async function buildLib(options: BuildLibOptions = {}): Promise<void> {
  const outDir = options.outDir ?? join(ROOT, 'dist');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    format: 'cjs' as const,
    external: EXTERNAL,
    define: { __HWC_AUTH_VERSION__: JSON.stringify(pkg.version) },
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: [join(ROOT, 'src', 'cli', 'bin.ts')],
    outfile: join(outDir, 'cli.js'),
    banner: { js: `#!/usr/bin/env node\n/* hwc-auth ${pkg.version}: huaweicloud-postman-auth CLI. Docs: docs/cli.md */` },
  });
  chmodSync(join(outDir, 'cli.js'), 0o755);
  await build({
    ...common,
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    outfile: join(outDir, 'index.js'),
    banner: { js: `/* huaweicloud-postman-auth ${pkg.version} library. Docs: docs/cli.md */` },
  });
  if (options.types !== false) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.lib.json'), '--outDir', join(outDir, 'types')], {
      stdio: 'inherit',
    });
  }
}

if (require.main === module) {
  buildLib({ types: !process.argv.includes('--no-types') }).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
