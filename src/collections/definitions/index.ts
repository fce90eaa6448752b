import { akskCollection } from './aksk';
import { apigCollection } from './apig';
import { tokenCollection } from './token';
import type { CollectionDefinition } from './types';

/** Every generated collection, in the order `npm run generate` writes them and `npm start` runs them. */
export const COLLECTIONS: readonly CollectionDefinition[] = [akskCollection, tokenCollection, apigCollection];

export { akskCollection, tokenCollection, apigCollection };
export type * from './types';
