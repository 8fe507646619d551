import { modelError, parameterMissing, unpermittedParameter } from './errors.ts';

/** The JSON:API media type the API answers with. */
export const JSON_API = 'application/vnd.api+json';

export interface ResourceIdentifier {
  type: string;
  id: string;
}

export interface Relationship {
  data?: ResourceIdentifier | ResourceIdentifier[] | null;
  links?: Record<string, string | null>;
}

export interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, Relationship>;
  links?: Record<string, string | null>;
  meta?: Record<string, unknown> | null;
}

export interface Document {
  data: Resource | Resource[] | null;
  included?: Resource[];
  meta?: Record<string, unknown>;
}

export function toOne(type: string, id: string | null | undefined, related?: string): Relationship {
  const rel: Relationship = { data: id ? { type, id } : null };
  if (related && id) rel.links = { related };
  return rel;
}

export function toMany(type: string, ids: readonly string[]): Relationship {
  return { data: ids.map((id) => ({ type, id })) };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `data.attributes` of a JSON:API request the way OpsChain (Rails strong parameters) does:
 * a missing `data` or `attributes` is a 400 "Parameter Missing", an attribute outside `permitted` is a
 * 400 "Unpermitted Parameters". `type` and `id` beside `attributes` are ignored.
 */
export function readAttributes(
  body: unknown,
  permitted: readonly string[],
  options: { allowEmpty?: boolean } = {},
): Record<string, unknown> {
  if (!isPlainObject(body) || !isPlainObject(body.data)) throw parameterMissing('data');
  const attributes = body.data.attributes;
  if (!isPlainObject(attributes)) throw parameterMissing('attributes');
  if (!options.allowEmpty && Object.keys(attributes).length === 0) throw parameterMissing('attributes');
  const unknown = Object.keys(attributes).filter((k) => !permitted.includes(k));
  if (unknown.length > 0) throw unpermittedParameter(unknown);
  return attributes;
}

function humanise(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A string attribute, or undefined when absent; `null` stays null. Other types are a 422 on that field. */
export function stringAttr(attrs: Record<string, unknown>, key: string): string | null | undefined {
  const value = attrs[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw modelError(key, `${humanise(key)} must be a string`);
  return value;
}

export function requiredString(attrs: Record<string, unknown>, key: string, label = humanise(key)): string {
  const value = stringAttr(attrs, key);
  if (value === undefined || value === null || value.trim() === '')
    throw modelError(key, `${label} can't be blank`);
  return value;
}

export function booleanAttr(attrs: Record<string, unknown>, key: string): boolean | undefined {
  const value = attrs[key];
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw modelError(key, `${humanise(key)} must be true or false`);
}

export { humanise };
