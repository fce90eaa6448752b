import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { BUILT_POST_RESPONSE_SCRIPT, BUILT_SIGNER_SCRIPT } from '../lib/signerScript';
import { renderCollectionFiles, type BuiltScripts, type GeneratedFile } from './builder';
import { COLLECTIONS } from './definitions';

/** Renders every collection, environment template and iteration data file; writes them when given a directory. */

export const COLLECTIONS_DIR = join(__dirname, '..', '..', 'collections');

export function readPrerequestScript(path: string = BUILT_SIGNER_SCRIPT): string {
  return readBuilt(path);
}

export function readPostResponseSource(path: string = BUILT_POST_RESPONSE_SCRIPT): string {
  return readBuilt(path);
}

/** Both built scripts from dist/ (the paste forms). */
export function readBuiltScripts(): BuiltScripts {
  return { prerequest: readPrerequestScript(), postResponse: readPostResponseSource() };
}

function readBuilt(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: run \`npm run build\` first`);
  }
}

export function renderAll(scripts: BuiltScripts): GeneratedFile[] {
  return COLLECTIONS.flatMap((definition) => renderCollectionFiles(definition, scripts));
}

export function generateInto(outDir: string, scripts: BuiltScripts = readBuiltScripts()): GeneratedFile[] {
  mkdirSync(outDir, { recursive: true });
  const files = renderAll(scripts);
  for (const file of files) writeFileSync(join(outDir, file.name), file.content, 'utf8');
  return files;
}
