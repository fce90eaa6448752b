import { readJsonText } from './files';
import { injectSigner } from './inject';
import { patchJsonText } from './jsonText';
import { warnAboutPostmanAuth } from './postmanAuthWarnings';
import { readSignerScript } from './signerScript';

export interface InjectFileResult {
  /** False when the collection already carried the current signer. */
  changed: boolean;
  /** The collection with the signer: the file's text with only what changed rewritten, in the file's own format. */
  text: string;
}

/**
 * `hwc-auth inject`: reads a collection file and puts the built signer into it (in memory); names every place that
 * sets a Postman auth type through `warn`. Writing the result is the caller's choice (in place, elsewhere, stdout).
 */
export function injectCollectionFile(collectionPath: string, warn: (line: string) => void): InjectFileResult {
  const file = readJsonText(collectionPath, 'collection');
  const result = injectSigner(file.value, readSignerScript(), collectionPath);
  warnAboutPostmanAuth(result.collection, warn);
  return { changed: result.changed, text: patchJsonText(file.text, file.value, result.collection) };
}
