/**
 * Report files a reporter wrote itself, outside Newman's export queue (which newmanMasking masks as files are
 * queued): masked after the run, in place. Newman's own reporters and htmlextra use the queue; this is for those that
 * do not, at the paths the user gave them (`--reporter-<name>-export`).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redactor } from './redact';

/** Masks each file at these paths, or each file written since `since` (epoch ms) in these folders. */
export function maskWrittenFiles(paths: readonly string[], redactor: Redactor, since: number): void {
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isFile()) maskFile(path, redactor);
    else if (stat.isDirectory()) {
      for (const name of readdirSync(path)) {
        const file = join(path, name);
        const s = statSync(file);
        if (s.isFile() && s.mtimeMs >= since - 1000) maskFile(file, redactor);
      }
    }
  }
}

function maskFile(path: string, redactor: Redactor): void {
  const text = readFileSync(path, 'utf8');
  const masked = redactor.mask(text);
  if (masked !== text) writeFileSync(path, masked);
}
