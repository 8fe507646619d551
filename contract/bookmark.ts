import { z } from 'zod';
import { listDocument, resourceSchema, singleDocument, timestampSchema } from './json-api.ts';

// A labelled URL on any node (domain §2.5).
export const bookmarkAttributesSchema = z.object({
  url: z.string(),
  description: z.string(),
  created_by: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type BookmarkAttributes = z.infer<typeof bookmarkAttributesSchema>;
export type Bookmark = BookmarkAttributes & { id: string };

export const bookmarkResourceSchema = resourceSchema('bookmark', bookmarkAttributesSchema);
export type BookmarkResource = z.infer<typeof bookmarkResourceSchema>;
export const bookmarkDocumentSchema = singleDocument(bookmarkResourceSchema);
export type BookmarkDocument = z.infer<typeof bookmarkDocumentSchema>;
export const bookmarkListDocumentSchema = listDocument(bookmarkResourceSchema);
export type BookmarkListDocument = z.infer<typeof bookmarkListDocumentSchema>;
