import { akskCollection } from './aksk';
import { apigCollection } from './apig';
import { temporaryCollection } from './temporary';
import { tokenCollection } from './token';
import type { CollectionDefinition } from './types';

/** Every generated collection, in the order `npm run generate` writes them and `npm start` runs them. */
export const COLLECTIONS: readonly CollectionDefinition[] = [akskCollection, tokenCollection, apigCollection, temporaryCollection];

export { akskCollection, tokenCollection, apigCollection, temporaryCollection };
export type * from './types';
