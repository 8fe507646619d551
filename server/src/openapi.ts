import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The vendor's OpenAPI document (contract/openapi), compiled for ajv. The emulator validates request bodies
 * against it (request-validation.ts) and the contract tests validate responses (server/test/openapi.ts).
 *
 * The document is OpenAPI 3.0, so before compiling we (1) turn `nullable: true` into "or null", (2) drop
 * the non-JSON-Schema keys `required: false` and `array: true`, (3) add the two schemas its `$ref`s name
 * but it does not contain. Components are compiled once, as `spec#/components/schemas/<name>`; `date-time`
 * formats are checked (ajv-formats).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
// eslint-disable-next-line @typescript-eslint/consistent-indexed-object-style -- a recursive type needs an interface: Record<string, Json> would refer to itself
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A path string, not a URL object: the console's tests load the emulator under happy-dom, whose global
// `URL` node:fs does not accept.
const specPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../contract/openapi/openapi-2025-04-25.json',
);
export const spec = JSON.parse(readFileSync(specPath, 'utf8')) as JsonObject;

export interface ConvertOptions {
  /**
   * Tolerate extra keys in `attributes` (responses: the document's own examples carry attributes its
   * schemas omit, README of the contract). Requests stay strict: an extra attribute is refused.
   */
  looseAttributes: boolean;
}

/** One node of the document as a JSON Schema ajv compiles; `$ref`s point into the `spec` schema. */
export function convert(node: Json, parentKey: string | null, options: ConvertOptions): Json {
  if (Array.isArray(node)) return node.map((n) => convert(n, null, options));
  if (!isJsonObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'array' && value === true) continue;
    if (key === 'required' && typeof value === 'boolean') continue;
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', 'spec#/components/schemas/');
      continue;
    }
    out[key] = convert(value, key, options);
  }
  if (options.looseAttributes && parentKey === 'attributes' && out.additionalProperties === false)
    delete out.additionalProperties;
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.enum && Array.isArray(out.enum)) out.enum = [...out.enum, null];
    else if (!('type' in out)) return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

const components = spec.components;
const schemas = isJsonObject(components) && isJsonObject(components.schemas) ? components.schemas : {};
const converted = convert({ components: { schemas } }, null, { looseAttributes: true });
if (
  isJsonObject(converted) &&
  isJsonObject(converted.components) &&
  isJsonObject(converted.components.schemas)
) {
  // A workflow update's stage steps name `stage_grouping_body`; the create names the schema that exists.
  // An empty schema here would match every step and break the `oneOf` it sits in.
  converted.components.schemas.stage_grouping_body = {
    $ref: 'spec#/components/schemas/stage_grouping_step_body',
  };
  // Rules inlined in a policy create/update: the document never describes them beyond being objects (the
  // emulator's policy handler checks their keys).
  converted.components.schemas.authorisation_rule_body = { type: 'object' };
}

// verbose: an error carries its schema, so a request error can tell whether a missing key may be null.
export const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
addFormats(ajv);
ajv.addSchema(converted as object, 'spec');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface SpecOperation {
  method: string;
  /** The document's path template, `/api/projects/{project_code}/git_remotes`. */
  path: string;
  operation: JsonObject;
}

/** Every operation of the document. */
export function specOperationList(): SpecOperation[] {
  const out: SpecOperation[] = [];
  const paths = spec.paths;
  if (!isJsonObject(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isJsonObject(operation)) out.push({ method: method.toUpperCase(), path, operation });
    }
  }
  return out;
}

/** The JSON Schema of an operation's request body (JSON:API media type), or null when it documents none. */
export function requestBodySchema(operation: JsonObject): JsonObject | null {
  const body = operation.requestBody;
  if (!isJsonObject(body) || !isJsonObject(body.content)) return null;
  const media = body.content['application/vnd.api+json'] ?? Object.values(body.content)[0];
  if (!isJsonObject(media) || !isJsonObject(media.schema)) return null;
  return media.schema;
}
