/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import { Collection } from 'postman-collection';
import { responseExecEntry, signerExecEntry, wholeScriptExec } from '../lib/signerBlock';
import { VARIABLES } from '../core/variables';
import type {
  BodyDefinition,
  CollectionDefinition,
  FolderDefinition,
  RequestDefinition,
  VariableDefinition,
} from './definitions/types';
import { stableId } from './ids';
import { expectationScript } from './testScripts';

/**
 * Builds Postman Collection v2.1 JSON (via the postman-collection SDK) and environment templates from the typed
 * definitions. Output is deterministic: ids derive from names, order follows the definitions, and files are
 * 2-space JSON with a trailing newline.
 */

/** The built scripts a collection embeds: the pre-request script and its companion, the post-response script. */
export interface BuiltScripts {
  prerequest: string;
  postResponse: string;
}

export interface GeneratedFile {
  /** File name inside collections/. */
  name: string;
  content: string;
}

type Json = Record<string, unknown>;

function script(id: string, lines: string[]): Json {
  return { id, type: 'text/javascript', exec: lines };
}

function bodyJson(body: BodyDefinition): Json {
  switch (body.mode) {
    case 'raw':
      return { mode: 'raw', raw: body.raw, options: { raw: { language: body.language } } };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.params.map((p) => ({ key: p.key, value: p.value, type: 'text' })) };
    case 'formdata':
      return { mode: 'formdata', formdata: body.params.map((p) => ({ key: p.key, value: p.value, type: 'text' })) };
    case 'graphql':
      return { mode: 'graphql', graphql: { query: body.query, variables: body.variables } };
  }
}

function itemJson(collection: CollectionDefinition, folder: FolderDefinition, request: RequestDefinition): Json {
  const idPath = [collection.slug, folder.name, request.name];
  const events: Json[] = [];
  if (request.prerequest !== undefined && request.prerequest.length > 0) {
    events.push({ listen: 'prerequest', script: script(stableId(...idPath, 'prerequest'), request.prerequest) });
  }
  const tests = skippedWhileRetried([...expectationScript(request.expect), ...(request.tests ?? [])]);
  events.push({ listen: 'test', script: script(stableId(...idPath, 'test'), tests) });
  const item: Json = {
    id: stableId(...idPath),
    name: request.name,
    description: { content: request.description, type: 'text/markdown' },
    request: {
      method: request.method,
      url: request.url,
      header: (request.headers ?? []).map((h) => ({ key: h.key, value: h.value, ...(h.disabled ? { disabled: true } : {}) })),
      ...(request.body !== undefined ? { body: bodyJson(request.body) } : {}),
    },
    event: events,
  };
  if (request.sendBodyWithGet === true) item.protocolProfileBehavior = { disableBodyPruning: true };
  return item;
}

/**
 * An item's tests, skipped on an attempt the post-response script sends again (a revoked IAM token: hwc_auth_retry
 * is set meanwhile); the retry runs them. The pattern the README gives users for their own tests.
 */
function skippedWhileRetried(lines: string[]): string[] {
  if (lines.length === 0) return lines;
  return [
    '// Not on an attempt hwc-auth sends again (a revoked IAM token): the retry runs these tests.',
    `if (!pm.variables.get('${VARIABLES.authRetry.name}')) {`,
    ...lines.map((line) => '  ' + line),
    '}',
  ];
}

function variablesJson(variables: VariableDefinition[]): Json[] {
  return variables.map((v) => ({ key: v.key, value: v.value, type: 'string', description: v.description }));
}

/** Rewrites the SDK's URL objects so each starts with the human-readable `raw` form and path variables have values. */
function withRawUrls(items: unknown, definitions: RequestDefinition[]): void {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const obj = node as Json;
    if (Array.isArray(obj.item)) visit(obj.item);
    const request = obj.request as Json | undefined;
    const def = typeof obj.name === 'string' ? byName.get(obj.name) : undefined;
    if (request !== undefined && def !== undefined && typeof request.url === 'object' && request.url !== null) {
      const url = request.url as Json;
      const values = new Map((def.pathVariables ?? []).map((v) => [v.key, v.value]));
      if (Array.isArray(url.variable)) {
        url.variable = (url.variable as Json[]).map((v) => ({ key: v.key, value: values.get(String(v.key)) ?? '' }));
      }
      request.url = { raw: def.url, ...url };
    }
  };
  visit(items);
}

function orderKeys(obj: Json, first: string[]): Json {
  const out: Json = {};
  for (const key of first) if (key in obj) out[key] = obj[key];
  for (const [key, value] of Object.entries(obj)) if (!(key in out)) out[key] = value;
  return out;
}

export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function buildCollectionJson(definition: CollectionDefinition, scripts: BuiltScripts): Json {
  const requests = definition.folders.flatMap((f) => f.items);
  const names = new Set<string>();
  for (const r of requests) {
    if (names.has(r.name)) throw new Error(`duplicate request name in ${definition.slug}: ${r.name}`);
    names.add(r.name);
  }
  const collection = new Collection({
    info: {
      id: stableId(definition.slug),
      name: definition.name,
      description: { content: definition.description, type: 'text/markdown' },
    },
    variable: variablesJson(definition.variables),
    event: [
      {
        listen: 'prerequest',
        script: script(stableId(definition.slug, 'prerequest'), wholeScriptExec(signerExecEntry(scripts.prerequest))),
      },
      {
        listen: 'test',
        script: script(stableId(definition.slug, 'test'), wholeScriptExec(responseExecEntry(scripts.postResponse))),
      },
    ],
    item: definition.folders.map((folder) => ({
      id: stableId(definition.slug, folder.name),
      name: folder.name,
      description: { content: folder.description, type: 'text/markdown' },
      item: folder.items.map((request) => itemJson(definition, folder, request)),
    })),
  } as unknown as ConstructorParameters<typeof Collection>[0]);
  const json = collection.toJSON() as Json;
  withRawUrls(json.item, requests);
  return orderKeys(json, ['info', 'item', 'event', 'variable']);
}

export function buildEnvironmentJson(definition: CollectionDefinition, values?: Record<string, string>): Json {
  return {
    id: stableId(definition.slug, 'environment'),
    name: `${definition.name} (environment)`,
    values: definition.environment.map((v) => ({
      key: v.key,
      value: values?.[v.key] ?? v.value,
      type: v.secret === true ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
  };
}

/** Every file `npm run generate` writes for one collection definition. */
export function renderCollectionFiles(definition: CollectionDefinition, scripts: BuiltScripts): GeneratedFile[] {
  const files: GeneratedFile[] = [
    {
      name: `${definition.slug}.postman_collection.json`,
      content: stringifyJson(buildCollectionJson(definition, scripts)),
    },
    { name: `${definition.slug}.postman_environment.json`, content: stringifyJson(buildEnvironmentJson(definition)) },
  ];
  if (definition.iterationData !== undefined) {
    files.push({ name: `${definition.slug}.iteration_data.json`, content: stringifyJson(definition.iterationData) });
  }
  return files;
}
