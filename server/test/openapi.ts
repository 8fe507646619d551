import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validates emulator responses against the vendor's OpenAPI document (contract/openapi). The document is
 * OpenAPI 3.0, so before compiling with ajv we (1) turn `nullable: true` into "or null", (2) drop the
 * non-JSON-Schema keys `required: false` and `array: true`, (3) add the two schemas its `$ref`s name but
 * it does not contain. The one relaxation its README documents: extra keys in `attributes` are tolerated
 * (the document's own examples carry attributes its schemas omit); required keys, types and nullability
 * stay strict.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
// eslint-disable-next-line @typescript-eslint/consistent-indexed-object-style -- a recursive type needs an interface: Record<string, Json> would refer to itself
interface JsonObject {
  [key: string]: Json;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const specUrl = new URL('../../contract/openapi/openapi-2025-04-25.json', import.meta.url);
const spec = JSON.parse(readFileSync(specUrl, 'utf8')) as JsonObject;

function convert(node: Json, parentKey: string | null): Json {
  if (Array.isArray(node)) return node.map((n) => convert(n, null));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'array' && value === true) continue;
    if (key === 'required' && typeof value === 'boolean') continue;
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', 'spec#/components/schemas/');
      continue;
    }
    out[key] = convert(value, key);
  }
  if (parentKey === 'attributes' && out.additionalProperties === false) delete out.additionalProperties;
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.enum && Array.isArray(out.enum)) out.enum = [...out.enum, null];
    else if (!('type' in out)) return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

const components = spec.components;
const schemas = isObject(components) && isObject(components.schemas) ? components.schemas : {};
const converted = convert({ components: { schemas } }, null);
if (isObject(converted) && isObject(converted.components) && isObject(converted.components.schemas)) {
  converted.components.schemas.stage_grouping_body = {};
  converted.components.schemas.authorisation_rule_body = {};
}

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(converted as object, 'spec');

const validators = new Map<string, ValidateFunction>();

/** The response schema for an operation and status, or null when the spec documents no body for it. */
export function responseSchemaRef(method: string, specPath: string, status: number): string | null {
  const paths = spec.paths;
  if (!isObject(paths)) throw new Error('spec has no paths');
  const item = paths[specPath];
  if (!isObject(item)) throw new Error(`spec has no path ${specPath}`);
  const op = item[method.toLowerCase()];
  if (!isObject(op)) throw new Error(`spec has no ${method} ${specPath}`);
  const responses = op.responses;
  if (!isObject(responses)) throw new Error(`spec has no responses for ${method} ${specPath}`);
  const response = responses[String(status)];
  if (!isObject(response)) {
    // OpsChain answers some errors its document does not list for every operation (a 422 on create, a 403
    // on a refused update): those must still be JSON:API error documents.
    if (status >= 400) return '#/components/schemas/jsonapi_error';
    throw new Error(`status ${String(status)} is not documented for ${method} ${specPath}`);
  }
  const content = response.content;
  if (!isObject(content)) return null;
  const media = content['application/vnd.api+json'] ?? Object.values(content)[0];
  if (!isObject(media) || !isObject(media.schema)) return null;
  const ref = media.schema.$ref;
  return typeof ref === 'string' ? ref : null;
}

/** Throws with ajv's messages unless `body` matches the documented response of that operation and status. */
export function assertMatchesSpec(method: string, specPath: string, status: number, body: unknown): void {
  const ref = responseSchemaRef(method, specPath, status);
  if (ref === null) {
    if (status !== 204 && body !== null && body !== '' && body !== undefined) {
      // Documented without a body schema: nothing to validate against.
    }
    return;
  }
  const key = ref.replace('#/components/schemas/', '');
  let validate = validators.get(key);
  if (!validate) {
    const compiled = ajv.getSchema(`spec#/components/schemas/${key}`);
    if (!compiled) throw new Error(`no schema ${key}`);
    validate = compiled;
    validators.set(key, validate);
  }
  if (!validate(body)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('\n');
    throw new Error(
      `${method} ${specPath} ${String(status)} does not match ${key}:\n${errors}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
}

/** Every operation in the spec as `METHOD path`. */
export function specOperations(): string[] {
  const out: string[] = [];
  const paths = spec.paths;
  if (!isObject(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of Object.keys(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method))
        out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out;
}

/** What is wrong with `body` as a JSON:API error document (the spec's `jsonapi_error`); empty when nothing. */
export function errorDocumentProblems(body: unknown): string[] {
  const validate = ajv.getSchema('spec#/components/schemas/jsonapi_error');
  if (!validate) throw new Error('no schema jsonapi_error');
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
