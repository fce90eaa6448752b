import { postmanAuthPlaces, type AuthPlace, type CollectionLike } from './collectionAuth';
import { itemsWithPrerequestScripts } from './itemScripts';

/**
 * The warnings `hwc-auth inject` and `hwc-auth run` print about a collection, one stderr line each: every Postman
 * auth type that would undo the signature (what it does, and the fix), and every folder or request pre-request
 * script, which runs after the signer.
 */
export function collectionWarnings(collection: CollectionLike): string[] {
  return [
    ...postmanAuthPlaces(collection).map(
      (p) => `${p.where} has Postman auth "${p.type}", which Postman applies after the signer: it ${p.effect}. Set it to No Auth (hwc-auth inject --fix-auth does)`,
    ),
    ...itemsWithPrerequestScripts(collection).map(
      (where) =>
        `${where} has a pre-request script: it runs after the signer (the collection's pre-request script) and what it changes in the request ` +
        "is not signed (APIGW.0301): move that code into the collection's pre-request script, before the signer",
    ),
  ];
}

/** Writes each warning as `hwc-auth: warning: ...`. */
export function warnAboutCollection(collection: CollectionLike, write: (line: string) => void): void {
  for (const warning of collectionWarnings(collection)) write(`hwc-auth: warning: ${warning}\n`);
}

/** How `inject --fix-auth` reports each change. */
export function fixedAuthLine(place: AuthPlace): string {
  return `hwc-auth: fixed: ${place.where}: Postman auth "${place.type}" set to No Auth (it ${place.effect})\n`;
}
