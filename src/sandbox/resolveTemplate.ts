import type { Pm } from './pm';

/**
 * `pm.variables.replaceIn`, skipped for text without `{{` (it would come back unchanged): the script resolves every
 * variable, header and body on every request, and most hold no template at all.
 */
export function resolveTemplate(pm: Pm, text: string): string {
  return text.indexOf('{{') < 0 ? text : pm.variables.replaceIn(text);
}
