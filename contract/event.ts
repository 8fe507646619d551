import { z } from 'zod';
import { listDocument, resourceSchema, singleDocument, timestampSchema } from './json-api.ts';

// Audit events (domain §11). System events are `api:<controller>:<verb>`; custom events carry
// whatever JSON their creator posted, so the attributes keep every key (looseObject), unlike
// other resources whose unknown attributes are dropped.
export const eventAttributesSchema = z.looseObject({
  username: z.string(),
  system: z.boolean(),
  type: z.string(),
  created_at: timestampSchema,
});
export type EventAttributes = z.infer<typeof eventAttributesSchema>;
// Not `Event`: that name would shadow the DOM's Event in every console file importing it.
export type OpsChainEvent = EventAttributes & { id: string };

// `GET /api/events` answers at most this many, oldest first, the most recent matches.
export const EVENT_LIMIT_DEFAULT = 10;
export const EVENT_LIMIT_MAX = 1000;

export const eventResourceSchema = resourceSchema('event', eventAttributesSchema);
export type EventResource = z.infer<typeof eventResourceSchema>;
export const eventDocumentSchema = singleDocument(eventResourceSchema);
export type EventDocument = z.infer<typeof eventDocumentSchema>;

// `partial_response`: the limit cut the result; page back with `filter[created_at_lt]`.
export const eventListMetaSchema = z.object({ partial_response: z.boolean() });
export type EventListMeta = z.infer<typeof eventListMetaSchema>;
export const eventListDocumentSchema = listDocument(eventResourceSchema, eventListMetaSchema);
export type EventListDocument = z.infer<typeof eventListDocumentSchema>;
