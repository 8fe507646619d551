import { z } from 'zod';
import { credentialsRemovedMetaSchema, gitRemoteAttributesShape } from './git-remote.ts';
import { listDocument, resourceSchema, singleDocument, timestampSchema } from './json-api.ts';

// An action a template version (and so an asset) offers, read from its opschain.yaml. The spec
// makes both keys optional.
export const actionSummarySchema = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
});
export type ActionSummary = z.infer<typeof actionSummarySchema>;

export const templateAttributesSchema = z.object({
  ...gitRemoteAttributesShape,
  code: z.string(),
  description: z.string().nullable(),
});
export type TemplateAttributes = z.infer<typeof templateAttributesSchema>;
export type Template = TemplateAttributes & { id: string };

export const templateResourceSchema = resourceSchema(
  'template',
  templateAttributesSchema,
  credentialsRemovedMetaSchema,
);
export type TemplateResource = z.infer<typeof templateResourceSchema>;
export const templateDocumentSchema = singleDocument(templateResourceSchema);
export type TemplateDocument = z.infer<typeof templateDocumentSchema>;
export const templateListDocumentSchema = listDocument(templateResourceSchema);
export type TemplateListDocument = z.infer<typeof templateListDocumentSchema>;

// `state` is a free string in the spec; these are the values the sources name (no failure
// state is documented), kept out of the schema so a new state does not break parsing.
export const TEMPLATE_VERSION_STATES = ['initializing', 'ready'] as const;
export type TemplateVersionState = (typeof TEMPLATE_VERSION_STATES)[number];

export const templateVersionAttributesSchema = z.object({
  version: z.string(),
  description: z.string(),
  state: z.string(),
  created_by: z.string(),
  archived: z.boolean().nullable(),
  has_mintmodel: z.boolean().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  git_rev: z.string(),
  // Null until the revision resolves.
  commit_sha: z.string().nullable(),
  // Present once the version is ready (the show answer); lists may leave it out.
  actions: z.array(actionSummarySchema).optional(),
});
export type TemplateVersionAttributes = z.infer<typeof templateVersionAttributesSchema>;
export type TemplateVersion = TemplateVersionAttributes & { id: string };

export const templateVersionResourceSchema = resourceSchema(
  'template_version',
  templateVersionAttributesSchema,
);
export type TemplateVersionResource = z.infer<typeof templateVersionResourceSchema>;
export const templateVersionDocumentSchema = singleDocument(templateVersionResourceSchema);
export type TemplateVersionDocument = z.infer<typeof templateVersionDocumentSchema>;
export const templateVersionListDocumentSchema = listDocument(templateVersionResourceSchema);
export type TemplateVersionListDocument = z.infer<typeof templateVersionListDocumentSchema>;

// One assignment of an asset to a template version; `active_to` is null on the current one.
export const templateVersionHistoryAttributesSchema = z.object({
  active_from: timestampSchema,
  active_to: timestampSchema.nullable(),
});
export type TemplateVersionHistoryAttributes = z.infer<typeof templateVersionHistoryAttributesSchema>;
export type TemplateVersionHistory = TemplateVersionHistoryAttributes & { id: string };

export const templateVersionHistoryResourceSchema = resourceSchema(
  'template_version_history',
  templateVersionHistoryAttributesSchema,
);
export type TemplateVersionHistoryResource = z.infer<typeof templateVersionHistoryResourceSchema>;
export const templateVersionHistoryDocumentSchema = singleDocument(templateVersionHistoryResourceSchema);
export type TemplateVersionHistoryDocument = z.infer<typeof templateVersionHistoryDocumentSchema>;
export const templateVersionHistoryListDocumentSchema = listDocument(templateVersionHistoryResourceSchema);
export type TemplateVersionHistoryListDocument = z.infer<typeof templateVersionHistoryListDocumentSchema>;
