import type { Pm, PmVariableScope } from './pm';

/**
 * Where state that should outlive the run is kept (the token cache, the clock offsets): the environment when the run
 * has one, so an exported environment carries it to the next run; otherwise the collection variables (kept for the
 * rest of the run).
 */
export function exportedScope(pm: Pm): PmVariableScope {
  const env = pm.environment;
  const hasEnvironment = Boolean(env.name) || Object.keys(env.toObject()).length > 0;
  return hasEnvironment ? env : pm.collectionVariables;
}
