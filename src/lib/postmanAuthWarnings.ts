/**
 * Where a collection sets a Postman auth type other than No Auth. Postman applies it after every script, so it would
 * replace or join the signature or token the signer sets; the script itself only sees a request's own auth, not an
 * inherited one, so the CLI names every place (collection, folder or request) before anything runs.
 */
interface AuthNode {
  name?: unknown;
  auth?: { type?: unknown } | null;
  item?: unknown;
  request?: { auth?: { type?: unknown } | null } | string;
}

export function postmanAuthPlaces(collection: { info?: { name?: unknown }; auth?: unknown; item?: unknown }): string[] {
  const places: string[] = [];
  const check = (auth: unknown, where: string): void => {
    const type = (auth as { type?: unknown } | null | undefined)?.type;
    if (typeof type === 'string' && type !== '' && type !== 'noauth') places.push(`${where} (${type})`);
  };
  const walk = (items: unknown, path: string): void => {
    if (!Array.isArray(items)) return;
    for (const node of items as AuthNode[]) {
      const where = `${path} / ${String(node.name ?? '?')}`;
      if (Array.isArray(node.item)) {
        check(node.auth, `folder "${where.slice(3)}"`);
        walk(node.item, where);
      } else if (node.request && typeof node.request === 'object') {
        check(node.request.auth, `request "${where.slice(3)}"`);
      }
    }
  };
  check(collection.auth, 'the collection');
  walk(collection.item, '');
  return places;
}

/** One stderr line per place, saying what to change. */
export function warnAboutPostmanAuth(collection: Parameters<typeof postmanAuthPlaces>[0], write: (line: string) => void): void {
  for (const place of postmanAuthPlaces(collection)) {
    write(`hwc-auth: warning: ${place} sets a Postman auth type, which would replace the signer's Authorization: set it to No Auth\n`);
  }
}
