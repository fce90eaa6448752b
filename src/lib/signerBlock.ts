/**
 * How the built scripts sit inside a collection's scripts, for every writer of collections (the generator,
 * `hwc-auth inject`): between two marker lines, with the banner's build commit dropped so that an embedded copy only
 * changes when the script itself does. The pre-request script (the signer) in the pre-request script, the
 * post-response script in the test (post-response) script, each with its own markers.
 */
export const MARKER_BEGIN = '// >>> hwc-auth signer: managed by `hwc-auth inject`, edits between these markers are replaced';
export const MARKER_END = '// <<< hwc-auth signer';
export const RESPONSE_MARKER_BEGIN = '// >>> hwc-auth post-response: managed by `hwc-auth inject`, edits between these markers are replaced';
export const RESPONSE_MARKER_END = '// <<< hwc-auth post-response';

/**
 * Postman's sandboxes (4.x in Newman, 6.x in the app and the Postman CLI) set up the legacy script globals (`tests`,
 * `postman`, `responseBody`, `environment`, CryptoJS ...) before every script whose text does not start with this
 * marker (postman-sandbox lib/sandbox/execute-context.js, non-legacy-codemarkers.js): copies of the variables, the
 * request's headers and URL, the response as text. Our scripts use none of them, and skipping that work saves about
 * 0.1 ms per script per request in Newman's sandbox (docs/benchmarks.md). It holds for the whole text of one script
 * box, so the built scripts start with it, and an embedded copy only when it is the whole script: code of the user's
 * in the same box may use those globals.
 */
export const NON_LEGACY_MARKER = '"use sandbox2";';

/** The first line of a script box that holds only hwc-auth's block: the marker, and what it means for code added. */
export const NON_LEGACY_LINE = `${NON_LEGACY_MARKER} // no legacy globals (tests[...], postman.*, responseBody) in this script box: faster; code that uses them goes in another box`;

/** `text` without the non-legacy marker it may start with (the built scripts do). */
export function withoutNonLegacyMarker(text: string): string {
  return text.startsWith(NON_LEGACY_MARKER) ? text.slice(NON_LEGACY_MARKER.length) : text;
}

/** A script box's exec holding only `entry` (a marked block): the non-legacy line, then the block. */
export function wholeScriptExec(entry: string): string[] {
  return [`${NON_LEGACY_LINE}\n${entry}`];
}

/**
 * The script's `exec` entry: the whole marked block as ONE element of the exec array (Postman shows the same text).
 * Measured with Newman: the runtime pays for every element of `exec` on every request, and the ~1,300-line script
 * stored line by line added about 2 ms a request (the benchmark's 300 mixed requests: 1.24x a trivial script, against
 * 1.09x as one element). A string `exec` would be split into lines again by postman-collection; an array element is not.
 */
export function signerExecEntry(script: string): string {
  return signerBlock(script).join('\n');
}

/** The lines of a script's `exec` (a string or an array whose elements may hold several lines). */
export function execLines(exec: unknown): string[] {
  if (Array.isArray(exec)) return exec.flatMap((e) => String(e).split('\n'));
  if (typeof exec === 'string') return exec.split('\n');
  return [];
}

/**
 * The built script with its banner's build commit dropped: what every copy committed to the repository holds (the
 * collections' embedded signer, paste/prerequest.js), so that it only changes when the script itself does.
 */
export function withoutBuildCommit(script: string): string {
  return script.replace(/ \(commit [0-9a-f]+(?:\+dirty)?\)/, '');
}

/** The marked block of lines for a built script. */
export function signerBlock(script: string): string[] {
  return markedBlock(script, MARKER_BEGIN, MARKER_END);
}

/** The post-response script's `exec` entry: its marked block as one element, like the signer's. */
export function responseExecEntry(script: string): string {
  return responseBlock(script).join('\n');
}

export function responseBlock(script: string): string[] {
  return markedBlock(script, RESPONSE_MARKER_BEGIN, RESPONSE_MARKER_END);
}

function markedBlock(script: string, begin: string, end: string): string[] {
  // The built script's own marker would be mid-script here: wholeScriptExec puts one first when the block is alone.
  const body = withoutBuildCommit(withoutNonLegacyMarker(script).replace(/\r\n/g, '\n'))
    .replace(/\n+$/, '')
    .split('\n');
  return [begin, ...body, end];
}
