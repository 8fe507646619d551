import { z } from 'zod';
import { listDocument, resourceSchema, singleDocument, timestampSchema } from './json-api.ts';

// Credentials are never returned: a stored value reads as this placeholder, an unset one as null.
export const HIDDEN_CREDENTIAL = '{{hidden}}';

// Shared with templates, which are Git remotes with a code and a description (domain §2.3).
export const gitRemoteAttributesShape = {
  name: z.string(),
  url: z.string(),
  archived: z.boolean(),
  disabled: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  user: z.string().nullable(),
  password: z.string().nullable(),
  ssh_key_data: z.string().nullable(),
};

export const gitRemoteAttributesSchema = z.object(gitRemoteAttributesShape);
export type GitRemoteAttributes = z.infer<typeof gitRemoteAttributesSchema>;
export type GitRemote = GitRemoteAttributes & { id: string };

// Filled only when a DELETE could not remove a remote used by a change and wiped its
// credentials instead (200 rather than 204); null otherwise.
export const credentialsRemovedMetaSchema = z
  .object({ credentials_removed: z.boolean(), messages: z.array(z.string()) })
  .nullable()
  .optional();
export type CredentialsRemovedMeta = z.infer<typeof credentialsRemovedMetaSchema>;

export const gitRemoteResourceSchema = resourceSchema(
  'git_remote',
  gitRemoteAttributesSchema,
  credentialsRemovedMetaSchema,
);
export type GitRemoteResource = z.infer<typeof gitRemoteResourceSchema>;
export const gitRemoteDocumentSchema = singleDocument(gitRemoteResourceSchema);
export type GitRemoteDocument = z.infer<typeof gitRemoteDocumentSchema>;
export const gitRemoteListDocumentSchema = listDocument(gitRemoteResourceSchema);
export type GitRemoteListDocument = z.infer<typeof gitRemoteListDocumentSchema>;
