import { randomBytes, randomInt } from 'node:crypto';

/** IAM's timestamp format: `2020-01-04T09:05:22.701000Z` (UTC, microseconds). */
export function iamDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Length of a generated X-Subject-Token: real PKI tokens exceed 8 KB, which is what breaks small header limits. */
export const SUBJECT_TOKEN_LENGTH = 10 * 1024;

/**
 * A fresh X-Subject-Token shaped like IAM's: a base64 CMS blob starting with "MII", '/' written as '-', no padding,
 * about 10 KB, random (so it cannot be guessed and two issues never collide).
 */
export function newSubjectToken(): string {
  return 'MII' + base64ish(SUBJECT_TOKEN_LENGTH - 3);
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = UPPER_ALNUM + 'abcdefghijklmnopqrstuvwxyz';

/** A temporary AK/SK pair and its security token, shaped like IAM's (20-char AK, 40-char SK, long token). */
export function newTemporaryCredential(akPrefix: string): { access: string; secret: string; securitytoken: string } {
  return {
    access: akPrefix + randomText(UPPER_ALNUM, Math.max(20 - akPrefix.length, 4)),
    secret: randomText(ALNUM, 40),
    securitytoken: 'gQpjbi1ub3J0aC00' + base64ish(1600),
  };
}

function base64ish(length: number): string {
  const text = randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString('base64')
    .replace(/\//g, '-')
    .replace(/=+$/, '');
  return text.slice(0, length);
}

function randomText(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
