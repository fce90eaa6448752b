import { createHash } from 'crypto';
import type { VariableDefinition } from './types';

/** Pieces shared by the collection definitions: environment variables, hashes, and the "arm the next request" idiom. */

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const EMPTY_BODY_SHA256 = sha256Hex('');

export const BASE_URL: VariableDefinition = {
  key: 'baseUrl',
  value: '',
  description: 'API gateway base URL, e.g. https://ecs.cn-north-4.myhuaweicloud.com (or the mock cloud: `npm run mock`).',
};

export const IAM_ENDPOINT: VariableDefinition = {
  key: 'HUAWEICLOUD_SDK_IAM_ENDPOINT',
  value: '',
  description: 'IAM base URL, e.g. https://iam.myhuaweicloud.com (the mock cloud serves IAM on its own URL).',
};

/**
 * Postman runs collection-level pre-request scripts (the signer) before item scripts, so a request cannot change how
 * it is itself signed. A request that must be signed differently is prepared by the previous request's test script
 * with local variables (pm.variables), which outrank every other scope and last for the rest of the run.
 */
export function armNextRequest(comment: string, values: Record<string, string>): string[] {
  return [
    `// Prepare the next request: ${comment}`,
    ...Object.entries(values).map(([key, value]) => `pm.variables.set(${JSON.stringify(key)}, ${JSON.stringify(value)});`),
  ];
}

export function disarm(keys: string[]): string[] {
  return ['// Undo the override prepared for this request.', ...keys.map((key) => `pm.variables.unset(${JSON.stringify(key)});`)];
}
