import { fixPostmanAuth, type AuthPlace } from './collectionAuth';
import { warnAboutCollection } from './collectionWarnings';
import { readJsonText } from './files';
import { assertV2Collection, injectSigner } from './inject';
import { patchJsonText } from './jsonText';
import { readPostResponseScript, readSignerScript } from './signerScript';

export interface InjectFileOptions {
  /** Set every Postman auth type that would undo the signature to No Auth (`--fix-auth`). */
  fixAuth?: boolean;
}

export interface InjectFileResult {
  /** False when the collection already carried the current signer (and, with fixAuth, no auth needed fixing). */
  changed: boolean;
  /** True when the signer or the post-response script was missing or outdated. */
  signerChanged: boolean;
  /** The collection with the signer and the post-response script: the file's text with only what changed rewritten, in the file's own format. */
  text: string;
  /** With fixAuth: the places whose auth was set to No Auth. */
  fixed: AuthPlace[];
}

/**
 * `hwc-auth inject`: reads a collection file and puts the built signer and post-response script into it (in memory), with `fixAuth` after
 * setting conflicting Postman auth to No Auth; warns through `warn` about what is left (auth types, folder and
 * request pre-request scripts). Writing the result is the caller's choice (in place, elsewhere, stdout).
 */
export function injectCollectionFile(collectionPath: string, warn: (line: string) => void, options: InjectFileOptions = {}): InjectFileResult {
  const file = readJsonText(collectionPath, 'collection');
  assertV2Collection(file.value, collectionPath);
  const { collection, fixed } = options.fixAuth ? fixPostmanAuth(file.value) : { collection: file.value, fixed: [] };
  const result = injectSigner(collection, readSignerScript(), collectionPath, readPostResponseScript());
  warnAboutCollection(result.collection, warn);
  return { changed: result.changed || fixed.length > 0, signerChanged: result.changed, text: patchJsonText(file.text, file.value, result.collection), fixed };
}
