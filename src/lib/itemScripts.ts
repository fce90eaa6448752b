import { execLines } from './signerBlock';

/**
 * Folders and requests with a pre-request script of their own. Postman runs the collection's pre-request script (the
 * signer) first, then the folders', then the request's: code there runs after the request was signed, and a header,
 * URL or body it changes no longer matches the signature.
 */
interface ItemJson {
  name?: unknown;
  item?: unknown;
  event?: unknown;
  request?: unknown;
}

/** True when a node's events hold a pre-request script with code (not only blank lines and // comments). */
function hasPrerequestCode(events: unknown): boolean {
  if (!Array.isArray(events)) return false;
  return events.some((e: { listen?: unknown; disabled?: unknown; script?: { exec?: unknown } } | null) => {
    if (!e || e.listen !== 'prerequest' || e.disabled === true) return false;
    return execLines(e.script?.exec).some((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  });
}

/** `folder "A / B"` and `request "A / B / r"` for every folder and request with pre-request code, in file order. */
export function itemsWithPrerequestScripts(collection: { item?: unknown }): string[] {
  const places: string[] = [];
  const walk = (items: unknown, path: string): void => {
    if (!Array.isArray(items)) return;
    for (const node of items as ItemJson[]) {
      if (!node || typeof node !== 'object') continue;
      const name = path ? `${path} / ${String(node.name ?? '?')}` : String(node.name ?? '?');
      const folder = Array.isArray(node.item);
      if (hasPrerequestCode(node.event)) places.push(`${folder ? 'folder' : 'request'} "${name}"`);
      if (folder) walk(node.item, name);
    }
  };
  walk(collection.item, '');
  return places;
}
