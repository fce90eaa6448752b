import { VARIABLES } from '../core/variables';
import { exportedScope } from './exportedScope';
import type { Pm, PmVariableScope } from './pm';

/** The variable that holds cached tokens (JSON by identity). It holds tokens: treat it as a secret. */
export const TOKEN_CACHE_VARIABLE = VARIABLES.tokenCache.name;

/**
 * Where the token cache lives: the environment when the run has one (so an exported environment carries the
 * tokens to the next run), otherwise the collection variables (kept for the rest of the run).
 */
export function tokenCacheScope(pm: Pm): PmVariableScope {
  return exportedScope(pm);
}
