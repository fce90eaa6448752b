import { readJsonFile } from './files';
import { formatJson, injectSigner } from './inject';
import { warnAboutPostmanAuth } from './postmanAuthWarnings';
import { readSignerScript } from './signerScript';

export interface InjectFileResult {
  /** False when the collection already carried the current signer. */
  changed: boolean;
  /** The collection with the signer, as hwc-auth writes JSON. */
  text: string;
}

/**
 * `hwc-auth inject`: reads a collection file and puts the built signer into it (in memory); names every place that
 * sets a Postman auth type through `warn`. Writing the result is the caller's choice (in place, elsewhere, stdout).
 */
export function injectCollectionFile(collectionPath: string, warn: (line: string) => void): InjectFileResult {
  const result = injectSigner(readJsonFile(collectionPath, 'collection'), readSignerScript(), collectionPath);
  warnAboutPostmanAuth(result.collection, warn);
  return { changed: result.changed, text: formatJson(result.collection) };
}
