import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { BUILT_SIGNER_SCRIPT } from '../lib/signerScript';
import { renderCollectionFiles, type GeneratedFile } from './builder';
import { COLLECTIONS } from './definitions';

/** Renders every collection, environment template and iteration data file; writes them when given a directory. */

export const COLLECTIONS_DIR = join(__dirname, '..', '..', 'collections');

export function readPrerequestScript(path: string = BUILT_SIGNER_SCRIPT): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: run \`npm run build\` first`);
  }
}

export function renderAll(prerequestSource: string): GeneratedFile[] {
  return COLLECTIONS.flatMap((definition) => renderCollectionFiles(definition, prerequestSource));
}

export function generateInto(outDir: string, prerequestSource: string = readPrerequestScript()): GeneratedFile[] {
  mkdirSync(outDir, { recursive: true });
  const files = renderAll(prerequestSource);
  for (const file of files) writeFileSync(join(outDir, file.name), file.content, 'utf8');
  return files;
}
