import { z } from 'zod';
import { listDocument, resourceSchema, singleDocument, timestampSchema } from './json-api.ts';

// Users, LDAP groups and server info (domain §4, §13).

export const AUTH_PROVIDERS = ['ldap', 'local'] as const;
export type AuthProvider = (typeof AUTH_PROVIDERS)[number];

export const userAttributesSchema = z.object({
  username: z.string(),
  groupnames: z.array(z.string()),
  auth_provider: z.enum(AUTH_PROVIDERS),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type UserAttributes = z.infer<typeof userAttributesSchema>;
export type User = UserAttributes & { id: string };

export const userResourceSchema = resourceSchema('user', userAttributesSchema);
export type UserResource = z.infer<typeof userResourceSchema>;
export const userDocumentSchema = singleDocument(userResourceSchema);
export type UserDocument = z.infer<typeof userDocumentSchema>;
export const userListDocumentSchema = listDocument(userResourceSchema);
export type UserListDocument = z.infer<typeof userListDocumentSchema>;

// A group's id is its LDAP DN (`cn=qa,ou=groups,dc=opschain,dc=io`).
export const groupAttributesSchema = z.object({
  cn: z.string(),
  alternative_cns: z.array(z.string()),
});
export type GroupAttributes = z.infer<typeof groupAttributesSchema>;
export type Group = GroupAttributes & { id: string };

export const groupResourceSchema = resourceSchema('group', groupAttributesSchema);
export type GroupResource = z.infer<typeof groupResourceSchema>;
export const groupDocumentSchema = singleDocument(groupResourceSchema);
export type GroupDocument = z.infer<typeof groupDocumentSchema>;
export const groupListDocumentSchema = listDocument(groupResourceSchema);
export type GroupListDocument = z.infer<typeof groupListDocumentSchema>;

// `GET /api/info`, id "0". The key really ends in `?` (a Ruby predicate method serialised as is).
export const infoAttributesSchema = z.object({
  version: z.string(),
  runner_image: z.string(),
  db_version: z.string(),
  api_version: z.string(),
  'ldap_available?': z.boolean(),
});
export type InfoAttributes = z.infer<typeof infoAttributesSchema>;
export type Info = InfoAttributes & { id: string };

export const infoResourceSchema = resourceSchema('info', infoAttributesSchema);
export type InfoResource = z.infer<typeof infoResourceSchema>;
export const infoDocumentSchema = singleDocument(infoResourceSchema);
export type InfoDocument = z.infer<typeof infoDocumentSchema>;
