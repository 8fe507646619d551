import type { JsonObject } from '@contract/json-api';

// `metadata` and `property_overrides` are typed as JSON in the run-change form; they are checked before
// anything is sent, and the mistake is named on the field.

export type JsonFieldResult =
  { value: JsonObject | undefined; error: null } | { value: undefined; error: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Blank → nothing to send; a JSON object → it; anything else → why not. */
export function parseJsonObjectField(text: string, label: string): JsonFieldResult {
  if (text.trim() === '') return { value: undefined, error: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'not JSON';
    return { value: undefined, error: `${label} is not valid JSON: ${detail}` };
  }
  if (!isObject(value))
    return { value: undefined, error: `${label} must be a JSON object, like {"key": "value"}` };
  return { value, error: null };
}

/** An object as the field shows it: indented JSON, or empty for nothing. */
export function jsonFieldText(value: JsonObject | undefined): string {
  return value === undefined || Object.keys(value).length === 0 ? '' : JSON.stringify(value, null, 2);
}
