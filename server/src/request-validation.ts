import type { ErrorObject as AjvError, ValidateFunction } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { ApiHttpError, badRequest, modelErrors, parameterMissing, unpermittedParameter } from './errors.ts';
import { humanise } from './jsonapi.ts';
import {
  ajv,
  convert,
  isJsonObject,
  requestBodySchema,
  specOperationList,
  type JsonObject,
  type SpecOperation,
} from './openapi.ts';

/**
 * Request bodies are checked against the request schema of the OpenAPI operation the route serves, before
 * any handler runs. A real OpsChain may read a body the document does not describe differently from the
 * emulator (a left-out `ssh_key_data` may keep an old key); the emulator is a test double, so it refuses
 * such bodies and a console request that strays from the contract fails in tests.
 *
 * Errors keep the emulator's Rails-like shapes: no `data` / `attributes` is 400 "Parameter Missing", an
 * unknown attribute 400 "Unpermitted Parameters", anything else (a required key left out, a wrong type) 422
 * with `source.pointer` on the attribute.
 */

const FREE_OBJECT: JsonObject = { type: 'object' };

/**
 * Where the document refuses requests that the vendor documents as legitimate (README of the contract and
 * domain §3, §7.1, §10), the schema is widened here, and only here.
 */
const WIDENINGS: Record<string, (attributes: JsonObject, root: JsonObject) => void> = {
  // `metadata` is free JSON (the schema allows only `{}`); the create examples send `property_overrides`,
  // which the schema omits (domain §3: "accept the union"). `template_version` is required by the schema
  // but only an asset change may send it (domain §7.1); other targets send `git_remote_name`/`git_rev`.
  'POST /api/changes': (a) => {
    setProperty(a, 'metadata', FREE_OBJECT);
    setProperty(a, 'property_overrides', FREE_OBJECT);
    dropRequired(a, 'template_version');
  },
  // The example and domain §10 send `metadata`, which the schema omits.
  'POST /api/scheduled_activities': (a) => {
    setProperty(a, 'metadata', FREE_OBJECT);
  },
  // A custom event's attributes are whatever the caller records; the schema lists example keys only.
  'POST /api/events': (a) => {
    delete a.additionalProperties;
  },
  // Property and settings documents are free-form JSON objects (the schema allows only `{}`).
  'PATCH /api/properties/{id_to_update}': (a) => {
    setProperty(a, 'data', FREE_OBJECT);
  },
  'PATCH /api/properties/{id_to_set}': (a) => {
    setProperty(a, 'data', FREE_OBJECT);
  },
  'PATCH /api/settings/{id_to_update}': (a) => {
    setProperty(a, 'data', FREE_OBJECT);
  },
  'PATCH /api/settings/{id_to_set}': (a) => {
    setProperty(a, 'data', FREE_OBJECT);
  },
  // Assigning a policy to everyone sends `{username: null, groupname: null}` (domain §5.1).
  'POST /api/authorisation_policies/{authorisation_policy_id}/assignments': (a) => {
    setProperty(a, 'assignments', {
      type: 'array',
      items: {
        type: 'object',
        properties: { username: { type: ['string', 'null'] }, groupname: { type: ['string', 'null'] } },
      },
    });
  },
  // A policy's description is null in the document's own examples and responses; the request says string.
  'POST /api/authorisation_policies': (a) => {
    setProperty(a, 'description', { type: ['string', 'null'] });
  },
  'PATCH /api/authorisation_policies/{authorisation_policy_id}': (a) => {
    setProperty(a, 'description', { type: ['string', 'null'] });
  },
  'POST /api/projects/{project_code}/workflows': widenWorkflow,
  'PATCH /api/projects/{project_code}/workflows/{workflow_code}': widenWorkflow,
};

/**
 * Workflow steps: the document's `oneOf` over four step bodies answers one error per branch, and the
 * emulator's own step validation (workflows/) already points at the wrong key of the wrong step; a definition
 * may come as `source_yaml` alone (domain §9.1), and `meta.validate` rides beside `data`.
 */
function widenWorkflow(attributes: JsonObject, root: JsonObject): void {
  setProperty(attributes, 'steps', { type: 'array', items: { type: 'object' } });
  // With `source_yaml` alone, the name and steps come from the YAML.
  dropRequired(attributes, 'steps');
  dropRequired(attributes, 'name');
  attributes.if = { not: { required: ['source_yaml'] } };
  attributes.then = { required: ['name', 'steps'] };
  const properties = isJsonObject(root.properties) ? root.properties : {};
  properties.meta = { type: 'object', properties: { validate: { type: 'boolean' } } };
  root.properties = properties;
}

function dropRequired(schema: JsonObject, key: string): void {
  if (Array.isArray(schema.required)) schema.required = schema.required.filter((k) => k !== key);
}

function setProperty(attributes: JsonObject, key: string, schema: JsonObject): void {
  const properties = isJsonObject(attributes.properties) ? attributes.properties : {};
  properties[key] = schema;
  attributes.properties = properties;
}

/** `{}` for a path parameter, whatever its name (`:project_code` in a route, `{id_to_update}` in the spec). */
function normalise(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}').replace(/:[^/]+/g, '{}');
}

/**
 * The emulator serves some operations under more paths than the document lists them at (domain §2: nodes
 * nest; §7.1, §10: `<node>/changes`, `<node>/scheduled_activities`; bookmarks on every node). Those take the
 * document's body for the same operation.
 */
const ROUTE_ALIASES: [RegExp, string][] = [
  [
    /^\/api\/projects\/\{\}(?:\/environments\/\{\})?(?:\/assets\/\{\})?\/(changes|scheduled_activities)$/,
    '/api/$1',
  ],
  [
    /^\/api\/projects\/\{\}(?:\/environments\/\{\})?(?:\/assets\/\{\})?\/bookmarks/,
    '/api/projects/{}/assets/{}/bookmarks',
  ],
  [/^\/api\/projects\/\{\}\/environments\/\{\}\/assets/, '/api/projects/{}/assets'],
];

interface RequestOperation {
  key: string;
  /** Top-level attribute names the operation declares (to pick among operations sharing one URL). */
  attributeNames: Set<string>;
  validate: ValidateFunction;
}

function compileOperation(op: SpecOperation, schema: JsonObject): RequestOperation {
  const key = `${op.method} ${op.path}`;
  const converted = convert(schema, null, { looseAttributes: false });
  if (!isJsonObject(converted)) throw new Error(`request schema of ${key} is not an object`);
  const data = isJsonObject(converted.properties) ? converted.properties.data : undefined;
  const dataProperties = isJsonObject(data) && isJsonObject(data.properties) ? data.properties : undefined;
  const attributes = dataProperties?.attributes;
  // JSON:API clients may send `type` and `id` beside `attributes`; OpsChain ignores them (domain §3).
  if (dataProperties) {
    dataProperties.type ??= { type: 'string' };
    dataProperties.id ??= { type: 'string' };
  }
  if (isJsonObject(attributes)) WIDENINGS[key]?.(attributes, converted);
  const names =
    isJsonObject(attributes) && isJsonObject(attributes.properties) ? Object.keys(attributes.properties) : [];
  return { key, attributeNames: new Set(names), validate: ajv.compile(converted) };
}

let operationsByRoute: Map<string, RequestOperation[]> | null = null;

/** `METHOD normalised-path` → the operations with a request schema at that URL (two share some URLs). */
function operationIndex(): Map<string, RequestOperation[]> {
  if (operationsByRoute) return operationsByRoute;
  const index = new Map<string, RequestOperation[]>();
  for (const op of specOperationList()) {
    const schema = requestBodySchema(op.operation);
    if (!schema) continue;
    const routeKey = `${op.method} ${normalise(op.path)}`;
    index.set(routeKey, [...(index.get(routeKey) ?? []), compileOperation(op, schema)]);
  }
  operationsByRoute = index;
  return index;
}

/** The operations whose request schema applies to a request on `routeUrl` (the route's own pattern). */
export function requestOperationsFor(method: string, routeUrl: string): RequestOperation[] {
  const index = operationIndex();
  const path = normalise(routeUrl);
  const direct = index.get(`${method} ${path}`);
  if (direct) return direct;
  for (const [pattern, replacement] of ROUTE_ALIASES) {
    if (!pattern.test(path)) continue;
    const aliased = index.get(`${method} ${path.replace(pattern, replacement)}`);
    if (aliased) return aliased;
  }
  return [];
}

/** How many operations of the document have a request schema the emulator enforces. */
export function validatedOperationCount(): number {
  let n = 0;
  for (const ops of operationIndex().values()) n += ops.length;
  return n;
}

function hasAttributesObject(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    'data' in body &&
    typeof body.data === 'object' &&
    body.data !== null &&
    'attributes' in body.data &&
    typeof body.data.attributes === 'object' &&
    body.data.attributes !== null &&
    !Array.isArray(body.data.attributes)
  );
}

function attributeKeys(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('data' in body)) return [];
  const data = body.data;
  if (typeof data !== 'object' || data === null || !('attributes' in data)) return [];
  const attributes = data.attributes;
  return typeof attributes === 'object' && attributes !== null ? Object.keys(attributes) : [];
}

/**
 * Two operations share a URL (archive vs credentials of a remote, checked vs unchecked property update):
 * the body is valid when it matches either. When it matches none, report against the one whose declared
 * attributes cover most of the sent keys.
 */
function closest(candidates: RequestOperation[], body: unknown): RequestOperation | undefined {
  const sent = attributeKeys(body);
  let best: RequestOperation | undefined;
  let bestScore = -1;
  for (const op of candidates) {
    const score = sent.filter((k) => op.attributeNames.has(k)).length;
    if (score > bestScore) {
      best = op;
      bestScore = score;
    }
  }
  return best;
}

/** Throws the JSON:API error for `body`, or returns when one of the operations accepts it. */
export function assertRequestMatches(candidates: RequestOperation[], body: unknown): void {
  if (candidates.some((op) => op.validate(body))) return;
  const op = closest(candidates, body);
  if (!op) return;
  op.validate(body);
  const sent = attributeKeys(body);
  throw toApiError(op.validate.errors ?? [], sent, sent.length === 0 && hasAttributesObject(body));
}

const ATTRIBUTES = '/data/attributes';

/** Attributes OpsChain reads with `params.require`: leaving them out is 400 "Parameter Missing", not 422. */
const REQUIRED_PARAMETERS = new Set(['asset_paths', 'assignments']);

/** `steps/0/type` for `/data/attributes/steps/0/type`; null outside the attributes. */
function fieldOf(instancePath: string): string | null {
  return instancePath.startsWith(`${ATTRIBUTES}/`) ? instancePath.slice(ATTRIBUTES.length + 1) : null;
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  const words = types.map((t) => {
    switch (t) {
      case 'string':
        return 'a string';
      case 'boolean':
        return 'true or false';
      case 'integer':
        return 'an integer';
      case 'number':
        return 'a number';
      case 'array':
        return 'an array';
      case 'object':
        return 'an object';
      case 'null':
        return 'null';
      default:
        return String(t);
    }
  });
  return words.join(' or ');
}

/** The attribute's label for a title: the last non-index segment of its path (`steps/0/type` → `Type`). */
function labelOf(field: string): string {
  const segments = field.split('/').filter((s) => s !== '' && !/^\d+$/.test(s));
  return humanise(segments.at(-1) ?? 'base');
}

function isNullable(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if ('type' in schema && Array.isArray(schema.type)) return schema.type.includes('null');
  if ('anyOf' in schema && Array.isArray(schema.anyOf)) {
    return schema.anyOf.some(
      (s: unknown) => typeof s === 'object' && s !== null && 'type' in s && s.type === 'null',
    );
  }
  return false;
}

function requiredTitle(error: AjvError, key: string): string {
  const parent: unknown = error.parentSchema;
  const properties =
    typeof parent === 'object' && parent !== null && 'properties' in parent ? parent.properties : undefined;
  const property =
    typeof properties === 'object' && properties !== null && key in properties
      ? (properties as Record<string, unknown>)[key]
      : undefined;
  return isNullable(property)
    ? `${labelOf(key)} must be sent (as null when it has no value)`
    : `${labelOf(key)} can't be blank`;
}

function fieldTitle(error: AjvError, field: string): string {
  const label = labelOf(field);
  switch (error.keyword) {
    case 'type':
      // Rails' presence validation: null where a value is required is blank.
      return error.data === null
        ? `${label} can't be blank`
        : `${label} must be ${typeWords(error.params.type)}`;
    case 'enum':
      return `${label} is not included in the list`;
    case 'format':
      return `${label} is not a valid ${String(error.params.format)}`;
    case 'oneOf':
    case 'anyOf':
      return `${label} is invalid`;
    default:
      return `${label} ${error.message ?? 'is invalid'}`;
  }
}

/** ajv's errors as the emulator's JSON:API errors (see the module comment). */
function toApiError(errors: AjvError[], sent: string[], emptyAttributes: boolean): ApiHttpError {
  // Errors in the order the body sent the attributes (left-out ones last), as a model validates them.
  const sentOrder = (field: string) => {
    const i = sent.indexOf(field.split('/')[0] ?? '');
    return i === -1 ? sent.length : i;
  };
  // Errors inside a `oneOf`/`anyOf` branch explain why each branch failed; the combinator's own error says it.
  const relevant = errors.filter((e) => e.keyword !== 'if' && !/\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath));
  const missing: string[] = [];
  const unpermitted: string[] = [];
  const fields: { field: string; title: string }[] = [];
  const malformed: string[] = [];
  for (const e of relevant) {
    const at = e.instancePath;
    if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') {
      const key = e.params.missingProperty;
      const field = at === '' || at === '/data' ? null : fieldOf(`${at}/${key}`);
      if (field === null || (at === ATTRIBUTES && REQUIRED_PARAMETERS.has(key))) missing.push(key);
      else fields.push({ field, title: requiredTitle(e, key) });
      continue;
    }
    if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') {
      const key = e.params.additionalProperty;
      const field = fieldOf(`${at}/${key}`);
      if (at === '' || at === '/data' || at === ATTRIBUTES || field === null) unpermitted.push(key);
      else fields.push({ field, title: `${humanise(key)} is not a permitted key` });
      continue;
    }
    const field = fieldOf(at);
    if (e.keyword === 'type' && e.data === null && field !== null && REQUIRED_PARAMETERS.has(field)) {
      missing.push(field);
      continue;
    }
    if (at === '') missing.push('data');
    else if (at === '/data' || at === ATTRIBUTES) missing.push('attributes');
    else if (field === null) malformed.push(`${at} ${e.message ?? 'is invalid'}`);
    else fields.push({ field, title: fieldTitle(e, field) });
  }
  const firstMissing = missing[0];
  if (firstMissing !== undefined) return parameterMissing(firstMissing);
  // Rails' `require(:attributes)` refuses an empty hash as missing.
  if (emptyAttributes) return parameterMissing('attributes');
  if (unpermitted.length > 0) return unpermittedParameter([...new Set(unpermitted)]);
  if (malformed.length > 0) return badRequest('Malformed request body', malformed.join('; '));
  fields.sort((a, b) => sentOrder(a.field) - sentOrder(b.field));
  const unique = fields.filter(
    (f, i) => fields.findIndex((g) => g.field === f.field && g.title === f.title) === i,
  );
  return modelErrors(unique.length > 0 ? unique : [{ field: 'base', title: 'The request body is invalid' }]);
}

/** Checks every `/api` request body against its operation's request schema (see the module comment). */
export function installRequestValidation(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    // A body-less request is left to the handler: the document marks no request body as required.
    if (req.body === undefined || !req.url.startsWith('/api/')) {
      done();
      return;
    }
    try {
      assertRequestMatches(requestOperationsFor(req.method, req.routeOptions.url ?? ''), req.body);
    } catch (err) {
      done(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    done();
  });
}
