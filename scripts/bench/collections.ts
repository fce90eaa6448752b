import { readFileSync } from 'node:fs';
import { BUILT_SIGNER_SCRIPT } from '../../src/lib/signerScript';

/** In-memory collections for the benchmark: the same requests, with the built signer or a trivial script. */

export const SIGNER_SCRIPT = readFileSync(BUILT_SIGNER_SCRIPT, 'utf8');
/** The baseline: a pre-request script that does almost nothing but still runs in the sandbox. */
export const TRIVIAL_SCRIPT = "pm.request.headers.upsert({ key: 'X-Trivial', value: '1' });";

type Item = Record<string, unknown>;

/** 300 requests mixing methods, query strings, path variables, and raw JSON, text and urlencoded bodies. */
export function mixedItems(count: number): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    const name = `request ${i}`;
    if (kind === 0) {
      items.push({ name, request: { method: 'GET', url: `{{baseUrl}}/v1/{{projectId}}/vpcs?limit=${i}&marker=m-${i}&name=a b` } });
    } else if (kind === 1) {
      items.push({
        name,
        request: {
          method: 'POST',
          url: '{{baseUrl}}/v1/{{projectId}}/servers',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: { mode: 'raw', raw: JSON.stringify({ server: { name: `vm-${i}`, flavorRef: 's6.small.1', tags: ['a', 'b'], n: i }, pad: 'x'.repeat(512) }), options: { raw: { language: 'json' } } },
        },
      });
    } else if (kind === 2) {
      items.push({ name, request: { method: 'PUT', url: '{{baseUrl}}/v2/items/:id?x=1&x=2', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: String(i) }, { key: 'b', value: 'ü+*~' }, { key: 'a', value: 'z' }] } } });
    } else if (kind === 3) {
      items.push({ name, request: { method: 'DELETE', url: `{{baseUrl}}/v1/{{projectId}}/vpcs/vpc-${i}`, header: [{ key: 'X-Client', value: 'bench' }] } });
    } else {
      items.push({ name, request: { method: 'PATCH', url: '{{baseUrl}}/v1/{{projectId}}/notes', body: { mode: 'raw', raw: `note ${i} {{$guid}}` } } });
    }
  }
  return items;
}

export function collection(name: string, script: string, items: Item[]): Record<string, unknown> {
  return {
    info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    // Embedded as the generator and `hwc-auth inject` embed it: one exec element.
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [script] } }],
    item: items,
  };
}

export function environment(values: Record<string, string>): Record<string, unknown> {
  return { name: 'bench', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) };
}
