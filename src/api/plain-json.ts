import {
  timestampSchema,
  type Links,
  type Relationship,
  type Relationships,
  type ResourceIdentifier,
} from '@contract/json-api';

// Hand checks for the JSON:API pieces large answers repeat thousands of times (log rows, a run's steps). Each
// is narrower than its contract/ schema: what it accepts, the schema accepts too (the callers' fast-check
// properties prove it), and anything it does not accept goes to the schema, which decides.

/**
 * A plain JSON object (what JSON.parse makes): what `z.object` and `z.record` both accept and read as it is.
 * Not one with an own `__proto__` key (JSON.parse makes one from `{"__proto__": …}`): zod's copy of it differs,
 * so the schema decides.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !Object.hasOwn(value, '__proto__');
}

// Timestamps by the contract schema's own pattern (the whole of its check: month lengths and leap years
// included), or by the schema itself should it ever have none.
const TIMESTAMP = timestampSchema.def.pattern;

/** An ISO 8601 date-time with an offset, exactly as `timestampSchema` accepts it (not 2025-02-30). */
export function isPlainStamp(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    (TIMESTAMP === undefined ? timestampSchema.safeParse(value).success : TIMESTAMP.test(value))
  );
}

/** A timestamp or null (`timestampSchema.nullable()`). */
export function isPlainStampOrNull(value: unknown): value is string | null {
  return value === null || isPlainStamp(value);
}

/** `links`: absent, or an object of strings and nulls (`linksSchema.optional()`). */
export function isPlainLinks(value: unknown): value is Links | undefined {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  for (const key in value) {
    const link = value[key];
    if (link !== null && typeof link !== 'string') return false;
  }
  return true;
}

/** `meta` of a resource: absent, null or an object (`openMetaSchema`). */
export function isPlainOpenMeta(value: unknown): boolean {
  return value === undefined || value === null || isRecord(value);
}

function isIdentifier(value: unknown): boolean {
  return isRecord(value) && typeof value.type === 'string' && typeof value.id === 'string';
}

/** An identifier as the schema reads it (`{ type, id }`, other keys left out); null otherwise. */
function readIdentifier(value: unknown): ResourceIdentifier | null {
  return isRecord(value) && typeof value.type === 'string' && typeof value.id === 'string'
    ? { type: value.type, id: value.id }
    : null;
}

/** One relationship: `data` absent, null, an identifier or a list of them; optional links and meta. */
function isPlainRelationship(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { data, links, meta } = value;
  if (data !== undefined && data !== null) {
    if (Array.isArray(data)) {
      for (const identifier of data) if (!isIdentifier(identifier)) return false;
    } else if (!isIdentifier(data)) return false;
  }
  return isPlainLinks(links) && (meta === undefined || isRecord(meta));
}

/** `relationships`: absent, or an object of relationships (`relationshipsSchema.optional()`). */
export function isPlainRelationships(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  for (const key in value) if (!isPlainRelationship(value[key])) return false;
  return true;
}

/**
 * `relationships` as `relationshipsSchema.optional()` reads them (identifiers and relationships without
 * unknown keys): undefined when absent, null when they do not match.
 */
export function readRelationships(value: unknown): Relationships | null | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const out: Relationships = {};
  for (const key in value) {
    const relationship = value[key];
    if (!isRecord(relationship)) return null;
    const { data, links, meta } = relationship;
    const read: Relationship = {};
    if (data === null) read.data = null;
    else if (Array.isArray(data)) {
      const identifiers: ResourceIdentifier[] = [];
      for (const item of data) {
        const identifier = readIdentifier(item);
        if (identifier === null) return null;
        identifiers.push(identifier);
      }
      read.data = identifiers;
    } else if (data !== undefined) {
      const identifier = readIdentifier(data);
      if (identifier === null) return null;
      read.data = identifier;
    }
    if (links !== undefined) {
      if (!isPlainLinks(links)) return null;
      read.links = links;
    }
    if (meta !== undefined) {
      if (!isRecord(meta)) return null;
      read.meta = meta;
    }
    out[key] = read;
  }
  return out;
}

/** The id a to-one relationship points at (null when empty or absent), from checked relationships. */
export function plainToOneId(relationships: unknown, name: string): string | null {
  if (!isRecord(relationships)) return null;
  const relationship = relationships[name];
  if (!isRecord(relationship)) return null;
  const data = relationship.data;
  return isRecord(data) && typeof data.id === 'string' ? data.id : null;
}
