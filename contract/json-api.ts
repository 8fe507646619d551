import { z } from 'zod';

// The envelope OpsChain wraps every resource in (JSON:API 1.0 as Rails serialises it), plus
// the generic builders each resource module uses. Domain reference §3.

export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

// Property documents, change metadata, MintModels and the like are free-form JSON objects.
export const jsonObjectSchema = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof jsonObjectSchema>;

// OpsChain writes UTC with microseconds and `Z` (2025-04-25T06:21:23.984222Z). Offsets are
// accepted too, so a server configured with another zone still parses.
export const timestampSchema = z.iso.datetime({ offset: true });

export const resourceIdentifierSchema = z.object({ type: z.string(), id: z.string() });
export type ResourceIdentifier = z.infer<typeof resourceIdentifierSchema>;

// Link values may be null: a workflow without a published version has
// `links.latest_published_version: null`, an event without a source `links.source: null`.
export const linksSchema = z.record(z.string(), z.string().nullable());
export type Links = z.infer<typeof linksSchema>;

// `data` is absent on some relationships (properties `owner` carries only links), null on
// empty to-one relationships (`workflow_run` of a change started by hand).
export const relationshipSchema = z.object({
  data: z.union([resourceIdentifierSchema, z.array(resourceIdentifierSchema), z.null()]).optional(),
  links: linksSchema.optional(),
  meta: jsonObjectSchema.optional(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

export const relationshipsSchema = z.record(z.string(), relationshipSchema);
export type Relationships = z.infer<typeof relationshipsSchema>;

// Meta of a resource or document whose contents the contract does not pin down. Rails sends
// `"meta": null` on some resources (git remotes, templates), so null is as good as absent.
export const openMetaSchema = jsonObjectSchema.nullable().optional();

function resourceShape<T extends string, A extends z.ZodType, M extends z.ZodType>(
  type: T,
  attributes: A,
  meta: M,
) {
  return {
    type: z.literal(type),
    id: z.string(),
    attributes,
    relationships: relationshipsSchema.optional(),
    links: linksSchema.optional(),
    meta,
  };
}

export type ResourceSchema<
  T extends string,
  A extends z.ZodType,
  M extends z.ZodType = typeof openMetaSchema,
> = z.ZodObject<ReturnType<typeof resourceShape<T, A, M>>>;

/**
 * A resource object `{type, id, attributes, relationships?, links?, meta}` of one `type`.
 * Pass `meta` when the resource has a known meta (node capability flags); otherwise it is
 * an open object that may be null or absent.
 */
export function resourceSchema<T extends string, A extends z.ZodType>(
  type: T,
  attributes: A,
): ResourceSchema<T, A>;
export function resourceSchema<T extends string, A extends z.ZodType, M extends z.ZodType>(
  type: T,
  attributes: A,
  meta: M,
): ResourceSchema<T, A, M>;
export function resourceSchema(type: string, attributes: z.ZodType, meta: z.ZodType = openMetaSchema) {
  return z.object(resourceShape(type, attributes, meta));
}

// Any resource, whatever its type: what `included` may hold. Callers pick the members they
// want with `parseIncluded`, which applies the resource's own schema.
export const anyResourceSchema = z.object({
  type: z.string(),
  id: z.string(),
  attributes: jsonObjectSchema.optional(),
  relationships: relationshipsSchema.optional(),
  links: linksSchema.optional(),
  meta: openMetaSchema,
});
export type AnyResource = z.infer<typeof anyResourceSchema>;

export const includedSchema = z.array(anyResourceSchema);

/** `{data: <resource>, included?, meta?}`: a show, create or update answer. */
export function singleDocument<R extends z.ZodType>(resource: R) {
  return z.object({
    data: resource,
    included: includedSchema.optional(),
    links: linksSchema.optional(),
    meta: openMetaSchema,
  });
}

function listShape<R extends z.ZodType, M extends z.ZodType>(resource: R, meta: M) {
  return {
    data: z.array(resource),
    included: includedSchema.optional(),
    links: linksSchema.optional(),
    // Lists without a limit or counters send no meta at all; null is tolerated as on resources.
    meta: meta.nullable().optional(),
  };
}

export type ListDocumentSchema<
  R extends z.ZodType,
  M extends z.ZodType = typeof jsonObjectSchema,
> = z.ZodObject<ReturnType<typeof listShape<R, M>>>;

/** `{data: [<resource>…], included?, meta?}`; `meta` may be null or absent. */
export function listDocument<R extends z.ZodType>(resource: R): ListDocumentSchema<R>;
export function listDocument<R extends z.ZodType, M extends z.ZodType>(
  resource: R,
  meta: M,
): ListDocumentSchema<R, M>;
export function listDocument(resource: z.ZodType, meta: z.ZodType = jsonObjectSchema) {
  return z.object(listShape(resource, meta));
}

// Errors, domain §3. `status` is an integer here, not the string JSON:API prescribes, and the
// documented 403 from approve/reject carries `status: 422`: trust the HTTP status line.
export const errorSourceSchema = z.object({
  pointer: z.string().optional(),
  parameter: z.string().optional(),
});
export type ErrorSource = z.infer<typeof errorSourceSchema>;

export const errorObjectSchema = z.object({
  id: z.string().optional(),
  links: linksSchema.optional(),
  status: z.number().int(),
  code: z.string().optional(),
  title: z.string(),
  detail: z.string().optional(),
  source: errorSourceSchema.optional(),
  // 400 and 404 answers explain themselves in `meta.message`.
  meta: jsonObjectSchema.optional(),
});
export type ErrorObject = z.infer<typeof errorObjectSchema>;

export const errorDocumentSchema = z.object({ errors: z.array(errorObjectSchema).min(1) });
export type ErrorDocument = z.infer<typeof errorDocumentSchema>;

// Helpers for reading parsed documents. Pure, so the console and the emulator share them.

/** `{id, ...attributes}`: the flat record the console works with (house style habit 3). */
export function flattenResource<A extends object>(resource: {
  id: string;
  attributes: A;
}): A & { id: string } {
  return { ...resource.attributes, id: resource.id };
}

/** The id a to-one relationship points at, or null when it is empty, absent or to-many. */
export function toOneId(relationship: Relationship | undefined): string | null {
  const data = relationship?.data;
  if (data === undefined || data === null || Array.isArray(data)) return null;
  return data.id;
}

/** The ids a to-many relationship points at, in order; [] when it is absent or to-one. */
export function toManyIds(relationship: Relationship | undefined): string[] {
  const data = relationship?.data;
  return Array.isArray(data) ? data.map((identifier) => identifier.id) : [];
}

/** The `included` members of one type, parsed with that resource's schema (throws if invalid). */
export function parseIncluded<S extends z.ZodType>(
  included: readonly AnyResource[] | undefined,
  type: string,
  schema: S,
): z.output<S>[] {
  return (included ?? []).filter((member) => member.type === type).map((member) => schema.parse(member));
}
