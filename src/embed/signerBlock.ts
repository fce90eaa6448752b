/**
 * How the built script sits inside a collection's pre-request script, for every writer of collections (the
 * generator, `hwc-auth inject`): between two marker lines, with the banner's build commit dropped so that an
 * embedded copy only changes when the script itself does.
 */
export const MARKER_BEGIN = '// >>> hwc-auth signer: managed by `hwc-auth inject`, edits between these markers are replaced';
export const MARKER_END = '// <<< hwc-auth signer';

/** The marked block of lines for a built script. */
export function signerBlock(script: string): string[] {
  const body = script
    .replace(/\r\n/g, '\n')
    .replace(/ \(commit [0-9a-f]+(?:\+dirty)?\)/, '')
    .replace(/\n+$/, '')
    .split('\n');
  return [MARKER_BEGIN, ...body, MARKER_END];
}
