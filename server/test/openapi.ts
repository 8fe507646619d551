import type { ValidateFunction } from 'ajv';
import { COMPONENT_SCHEMAS } from '@contract/component-schemas.ts';
import { ajv, isJsonObject as isObject, spec, specOperationList } from '../src/openapi.ts';

/**
 * Validates emulator responses against the vendor's OpenAPI document (contract/openapi), compiled by
 * server/src/openapi.ts. The one relaxation its README documents: extra keys in `attributes` are tolerated
 * (the document's own examples carry attributes its schemas omit); required keys, types, nullability and
 * `date-time` formats stay strict.
 *
 * Every answer is also parsed with the console's zod schema for the same component (contract/
 * component-schemas.ts): an answer the document allows but the console cannot read (an engine event with
 * `username: null`) fails the emulator's own contract tests.
 */

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
  assertConsoleReads(key, body, `${method} ${specPath} ${String(status)}`);
}

/** Throws unless the console's zod schema for component `key` reads `body` (what `label` answered). */
export function assertConsoleReads(key: string, body: unknown, label: string): void {
  const consoleSchema = COMPONENT_SCHEMAS[key];
  if (!consoleSchema) throw new Error(`the console has no schema for ${key}`);
  const parsed = consoleSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`).join('\n');
    throw new Error(
      `${label} matches ${key} but the console's schema refuses it:\n${issues}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
}

/** Every operation in the spec as `METHOD path`. */
export function specOperations(): string[] {
  return specOperationList().map((op) => `${op.method} ${op.path}`);
}

/** What is wrong with `body` as a JSON:API error document (the spec's `jsonapi_error`); empty when nothing. */
export function errorDocumentProblems(body: unknown): string[] {
  const validate = ajv.getSchema('spec#/components/schemas/jsonapi_error');
  if (!validate) throw new Error('no schema jsonapi_error');
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
