/**
 * `npm run generate`: writes collections/*.postman_collection.json, environment templates and iteration data from
 * the typed definitions in src/collections/definitions, embedding dist/prerequest.js (run `npm run build` first;
 * the npm script does).
 */
import { relative } from 'path';
import { COLLECTIONS_DIR, generateInto } from '../src/collections/generate';

const files = generateInto(COLLECTIONS_DIR);
for (const file of files) console.log(`wrote ${relative(process.cwd(), `${COLLECTIONS_DIR}/${file.name}`)}`);
