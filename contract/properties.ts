import { z } from 'zod';
import {
  jsonObjectSchema,
  listDocument,
  resourceSchema,
  singleDocument,
  timestampSchema,
} from './json-api.ts';

// Versioned JSON documents (domain §6). Every node owns one properties and one settings
// document; an update bumps `version`, and a checked update must send the current one.

// `data` is free-form JSON; `version` starts at 1 and is what a checked PATCH compares.
const versionedDocumentShape = {
  data: jsonObjectSchema,
  version: z.number().int().positive(),
  created_at: timestampSchema,
};

export const propertiesAttributesSchema = z.object(versionedDocumentShape);
export type PropertiesAttributes = z.infer<typeof propertiesAttributesSchema>;
export type Properties = PropertiesAttributes & { id: string };

export const propertiesResourceSchema = resourceSchema('properties', propertiesAttributesSchema);
export type PropertiesResource = z.infer<typeof propertiesResourceSchema>;
export const propertiesDocumentSchema = singleDocument(propertiesResourceSchema);
export type PropertiesDocument = z.infer<typeof propertiesDocumentSchema>;

export const settingsAttributesSchema = z.object(versionedDocumentShape);
export type SettingsAttributes = z.infer<typeof settingsAttributesSchema>;
export type Settings = SettingsAttributes & { id: string };

export const settingsResourceSchema = resourceSchema('settings', settingsAttributesSchema);
export type SettingsResource = z.infer<typeof settingsResourceSchema>;
export const settingsDocumentSchema = singleDocument(settingsResourceSchema);
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;
export const settingsListDocumentSchema = listDocument(settingsResourceSchema);
export type SettingsListDocument = z.infer<typeof settingsListDocumentSchema>;

// Steps own properties too: the versions in force when they started.
export const PROPERTIES_OWNER_TYPES = ['project', 'environment', 'asset', 'step'] as const;
export type PropertiesOwnerType = (typeof PROPERTIES_OWNER_TYPES)[number];

export const propertiesVersionAttributesSchema = z.object({
  ...versionedDocumentShape,
  owner_type: z.enum(PROPERTIES_OWNER_TYPES),
});
export type PropertiesVersionAttributes = z.infer<typeof propertiesVersionAttributesSchema>;
export type PropertiesVersion = PropertiesVersionAttributes & { id: string };

export const propertiesVersionResourceSchema = resourceSchema(
  'properties_version',
  propertiesVersionAttributesSchema,
);
export type PropertiesVersionResource = z.infer<typeof propertiesVersionResourceSchema>;
export const propertiesVersionDocumentSchema = singleDocument(propertiesVersionResourceSchema);
export type PropertiesVersionDocument = z.infer<typeof propertiesVersionDocumentSchema>;
export const propertiesVersionListDocumentSchema = listDocument(propertiesVersionResourceSchema);
export type PropertiesVersionListDocument = z.infer<typeof propertiesVersionListDocumentSchema>;

// Settings versions carry no `owner_type`.
export const settingsVersionAttributesSchema = z.object(versionedDocumentShape);
export type SettingsVersionAttributes = z.infer<typeof settingsVersionAttributesSchema>;
export type SettingsVersion = SettingsVersionAttributes & { id: string };

export const settingsVersionResourceSchema = resourceSchema(
  'settings_version',
  settingsVersionAttributesSchema,
);
export type SettingsVersionResource = z.infer<typeof settingsVersionResourceSchema>;
export const settingsVersionDocumentSchema = singleDocument(settingsVersionResourceSchema);
export type SettingsVersionDocument = z.infer<typeof settingsVersionDocumentSchema>;
export const settingsVersionListDocumentSchema = listDocument(settingsVersionResourceSchema);
export type SettingsVersionListDocument = z.infer<typeof settingsVersionListDocumentSchema>;

// The merged view an asset's actions see (repository files → project → environment → asset);
// its id is the asset code.
export const convergedPropertiesAttributesSchema = z.object({ data: jsonObjectSchema });
export type ConvergedPropertiesAttributes = z.infer<typeof convergedPropertiesAttributesSchema>;
export type ConvergedProperties = ConvergedPropertiesAttributes & { id: string };

export const convergedPropertiesResourceSchema = resourceSchema(
  'converged_properties',
  convergedPropertiesAttributesSchema,
);
export type ConvergedPropertiesResource = z.infer<typeof convergedPropertiesResourceSchema>;
export const convergedPropertiesDocumentSchema = singleDocument(convergedPropertiesResourceSchema);
export type ConvergedPropertiesDocument = z.infer<typeof convergedPropertiesDocumentSchema>;

// A property file from the repository; its id is the file path (`projects/opc.yaml`) and
// `links.repository_path` where it lives.
export const repositoryPropertiesAttributesSchema = z.object({ content: jsonObjectSchema });
export type RepositoryPropertiesAttributes = z.infer<typeof repositoryPropertiesAttributesSchema>;
export type RepositoryProperties = RepositoryPropertiesAttributes & { id: string };

export const repositoryPropertiesResourceSchema = resourceSchema(
  'repository_properties',
  repositoryPropertiesAttributesSchema,
);
export type RepositoryPropertiesResource = z.infer<typeof repositoryPropertiesResourceSchema>;
export const repositoryPropertiesDocumentSchema = singleDocument(repositoryPropertiesResourceSchema);
export type RepositoryPropertiesDocument = z.infer<typeof repositoryPropertiesDocumentSchema>;
export const repositoryPropertiesListDocumentSchema = listDocument(repositoryPropertiesResourceSchema);
export type RepositoryPropertiesListDocument = z.infer<typeof repositoryPropertiesListDocumentSchema>;
