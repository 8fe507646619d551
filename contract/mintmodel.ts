import { z } from 'zod';
import {
  jsonObjectSchema,
  listDocument,
  resourceSchema,
  singleDocument,
  timestampSchema,
} from './json-api.ts';

// MintModels rendered for an asset, and the history records linking them to the changes that
// used them (domain §2.5).
export const mintmodelAttributesSchema = z.object({
  data: jsonObjectSchema,
  sha256: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type MintmodelAttributes = z.infer<typeof mintmodelAttributesSchema>;
export type Mintmodel = MintmodelAttributes & { id: string };

export const mintmodelResourceSchema = resourceSchema('mintmodel', mintmodelAttributesSchema);
export type MintmodelResource = z.infer<typeof mintmodelResourceSchema>;
export const mintmodelDocumentSchema = singleDocument(mintmodelResourceSchema);
export type MintmodelDocument = z.infer<typeof mintmodelDocumentSchema>;
export const mintmodelListDocumentSchema = listDocument(mintmodelResourceSchema);
export type MintmodelListDocument = z.infer<typeof mintmodelListDocumentSchema>;

// All the substance is in relationships (`mintmodel`, `opschain_changes`, `parents`).
export const mintmodelHistoryAttributesSchema = z.object({
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type MintmodelHistoryAttributes = z.infer<typeof mintmodelHistoryAttributesSchema>;
export type MintmodelHistory = MintmodelHistoryAttributes & { id: string };

export const mintmodelHistoryResourceSchema = resourceSchema(
  'mintmodel_history',
  mintmodelHistoryAttributesSchema,
);
export type MintmodelHistoryResource = z.infer<typeof mintmodelHistoryResourceSchema>;
export const mintmodelHistoryDocumentSchema = singleDocument(mintmodelHistoryResourceSchema);
export type MintmodelHistoryDocument = z.infer<typeof mintmodelHistoryDocumentSchema>;
export const mintmodelHistoryListDocumentSchema = listDocument(mintmodelHistoryResourceSchema);
export type MintmodelHistoryListDocument = z.infer<typeof mintmodelHistoryListDocumentSchema>;
