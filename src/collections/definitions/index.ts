import { akskCollection } from './aksk';
import { tokenCollection } from './token';
import type { CollectionDefinition } from './types';

/** Every generated collection, in the order `npm run generate` writes them and `npm start` runs them. */
export const COLLECTIONS: readonly CollectionDefinition[] = [akskCollection, tokenCollection];

export { akskCollection, tokenCollection };
export type * from './types';
