import { readFileSync } from 'node:fs';
import { UsageError } from './exitCodes';

/**
 * One request as the command line describes it, curl-like: what `hwc-auth sign` signs and what `hwc-auth doctor`
 * re-signs to compare with the gateway's canonical request (src/cli/requestOptions.ts declares the flags).
 */
export interface RequestFlags {
  method: string;
  url: string;
  /** `Name: value` lines, as for curl -H. */
  headers: readonly string[];
  data?: string;
  /** Read the body from this file, bytes as they are. */
  dataFile?: string;
  /** X-Sdk-Date to use. */
  date?: string;
  unsignedPayload?: boolean;
}

/** The body a --data-file names, bytes as they are; an unreadable file is a usage error naming its code. */
export function readDataFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read --data-file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
