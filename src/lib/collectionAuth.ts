/**
 * Postman auth types set in a collection (on the collection, a folder or a request), what each does to a request the
 * signer has signed, and the fix: No Auth. Postman applies a request's auth after every script, the collection-level
 * signer included; the script itself only sees a request's own auth, not one it inherits, so the CLI names every
 * place before anything runs (`hwc-auth inject`, `hwc-auth run`) and `hwc-auth inject --fix-auth` rewrites them.
 */

/** The headers the signer sets and signs (lower case): an auth type that writes one of them undoes the signature. */
const SIGNER_HEADERS = ['authorization', 'x-sdk-date', 'x-auth-token', 'x-security-token', 'x-project-id', 'x-domain-id', 'x-sdk-content-sha256', 'host'];

export interface AuthPlace {
  /** `the collection`, `folder "A / B"` or `request "A / B / get pets"`. */
  where: string;
  type: string;
  /** What Postman does with it after the signer, as a clause: "replaces the Authorization header ...". */
  effect: string;
}

interface AuthJson {
  type?: unknown;
  [params: string]: unknown;
}

interface ItemJson {
  name?: unknown;
  item?: unknown;
  auth?: AuthJson | null;
  request?: { auth?: AuthJson | null } | string;
}

/** The parts of a collection these functions read; every other field is carried through. */
export interface CollectionLike {
  auth?: unknown;
  item?: unknown;
  [key: string]: unknown;
}

/** The auth's parameters by key: v2.1 stores `[{ key, value }]` under the type's name, v2.0 an object. */
function authParams(auth: AuthJson, type: string): Record<string, unknown> {
  const raw = auth[type];
  if (Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const p of raw as Array<{ key?: unknown; value?: unknown }>) if (p && typeof p.key === 'string') out[p.key] = p.value;
    return out;
  }
  return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}

const REPLACES_AUTHORIZATION = "replaces the Authorization header, the signer's signature";

function unsignedQuery(name: string): string {
  return `adds the query parameter "${name}": the URL sent is then not the URL signed, and the gateway answers APIGW.0301`;
}

/** What one auth type does to the signed request, as Postman's runtime applies it (postman-runtime's authorizers). */
export function describeAuth(auth: AuthJson): string {
  const type = String(auth.type);
  const p = authParams(auth, type);
  const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);
  switch (type) {
    case 'apikey': {
      const key = text(p.key, '');
      if (p.in === 'query') return unsignedQuery(key || '(its name is not set yet)');
      if (SIGNER_HEADERS.includes(key.toLowerCase())) return `puts the key in the ${key} header, replacing the one the signer set and signed`;
      const header = key ? `"${key}"` : '(its name is not set yet)';
      return `adds a header of its own, ${header}, unsigned, sending that key to the API (if the API needs it, add it as a header of the request instead)`;
    }
    case 'oauth2':
      return p.addTokenTo === 'queryParams' ? `removes the Authorization header (the signer's signature) and ${unsignedQuery('access_token')}` : REPLACES_AUTHORIZATION;
    case 'jwt':
      return p.addTokenTo === 'queryParam' ? unsignedQuery(text(p.queryParamKey, 'token')) : REPLACES_AUTHORIZATION;
    case 'oauth1':
      return p.addParamsToHeader === false || p.addParamsToHeader === 'false'
        ? `removes the Authorization header (the signer's signature) and adds oauth_* parameters to the query or body: the request sent is then not the request signed`
        : REPLACES_AUTHORIZATION;
    case 'awsv4':
      return p.addAuthDataToQuery === true || p.addAuthDataToQuery === 'true'
        ? `removes the Authorization header (the signer's signature) and adds X-Amz-* query parameters: the URL sent is then not the URL signed`
        : `${REPLACES_AUTHORIZATION}, and adds X-Amz-Date`;
    case 'bearer':
    case 'basic':
    case 'digest':
    case 'hawk':
    case 'ntlm':
    case 'edgegrid':
    case 'asap':
      return REPLACES_AUTHORIZATION;
    default:
      return 'is applied after the signer and may replace or add to what was signed';
  }
}

/** True for an auth that Postman applies: not No Auth, not inherited (absent, empty or `inherit`). */
function isApplied(auth: unknown): auth is AuthJson {
  const type = (auth as AuthJson | null | undefined)?.type;
  return typeof type === 'string' && type !== '' && type !== 'noauth' && type !== 'inherit';
}

/**
 * Visits every place that can hold an auth (the collection, each folder, each request), depth first in file order;
 * `visit` receives the object holding `auth` and where it is.
 */
function walkAuthHolders(collection: CollectionLike, visit: (holder: { auth?: unknown }, where: string) => void): void {
  visit(collection, 'the collection');
  const walk = (items: unknown, path: string): void => {
    if (!Array.isArray(items)) return;
    for (const node of items as ItemJson[]) {
      if (!node || typeof node !== 'object') continue;
      const name = path ? `${path} / ${String(node.name ?? '?')}` : String(node.name ?? '?');
      if (Array.isArray(node.item)) {
        visit(node, `folder "${name}"`);
        walk(node.item, name);
      } else if (node.request && typeof node.request === 'object') {
        visit(node.request, `request "${name}"`);
      }
    }
  };
  walk(collection.item, '');
}

/** Every place that sets a Postman auth type other than No Auth, with what it does. */
export function postmanAuthPlaces(collection: CollectionLike): AuthPlace[] {
  const places: AuthPlace[] = [];
  walkAuthHolders(collection, (holder, where) => {
    if (isApplied(holder.auth)) places.push({ where, type: String(holder.auth.type), effect: describeAuth(holder.auth) });
  });
  return places;
}

/**
 * `hwc-auth inject --fix-auth`: a copy of the collection with every applied Postman auth set to No Auth
 * (`{"type":"noauth"}`), on the collection, folders and requests; inherited auth (none set) stays inherited. Returns
 * the places it changed. The input is not modified.
 */
export function fixPostmanAuth<T extends CollectionLike>(collection: T): { collection: T; fixed: AuthPlace[] } {
  const copy = structuredClone(collection);
  const fixed: AuthPlace[] = [];
  walkAuthHolders(copy, (holder, where) => {
    if (!isApplied(holder.auth)) return;
    fixed.push({ where, type: String(holder.auth.type), effect: describeAuth(holder.auth) });
    holder.auth = { type: 'noauth' };
  });
  return { collection: copy, fixed };
}
