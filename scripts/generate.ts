/**
 * `npm run generate`: writes collections/*.postman_collection.json, environment templates and iteration data from
 * the typed definitions in src/collections/definitions, embedding dist/prerequest.js and dist/postresponse.js, and
 * paste/prerequest.js and paste/postresponse.js, the paste forms committed for people browsing the repository (run
 * `npm run build` first; the npm script does).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, relative } from 'path';
import { COLLECTIONS_DIR, generateInto, readPostResponseSource, readPrerequestScript } from '../src/collections/generate';
import { PASTE_POST_RESPONSE_COPY, PASTE_SCRIPT_COPY, pasteScriptCopy } from '../src/lib/signerScript';

const files = generateInto(COLLECTIONS_DIR);
for (const file of files) console.log(`wrote ${relative(process.cwd(), `${COLLECTIONS_DIR}/${file.name}`)}`);
mkdirSync(dirname(PASTE_SCRIPT_COPY), { recursive: true });
for (const [copy, built] of [[PASTE_SCRIPT_COPY, readPrerequestScript()], [PASTE_POST_RESPONSE_COPY, readPostResponseSource()]] as const) {
  writeFileSync(copy, pasteScriptCopy(built));
  console.log(`wrote ${relative(process.cwd(), copy)}`);
}
