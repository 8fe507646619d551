import type { TemplateFilterKey, TemplateSort } from '@contract/filters';
import {
  templateDocumentSchema,
  templateListDocumentSchema,
  templateVersionDocumentSchema,
  templateVersionHistoryListDocumentSchema,
  templateVersionListDocumentSchema,
  type TemplateAttributes,
  type TemplateResource,
  type TemplateVersionAttributes,
  type TemplateVersionHistoryAttributes,
  type TemplateVersionResource,
} from '@contract/template';
import type { CredentialsRemovedMeta } from '@contract/git-remote';
import { toOneId, type JsonObject } from '@contract/json-api';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { projectPath } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { assetKeys } from './assets';
import { credentialsBody, type GitCredentials } from './git-remotes';
import { fetchDocument, fetchList, flatten, toRowList, type Flat } from './json-api';

// Templates of Enterprise projects and their versions (domain §2.3):
// `/api/projects/{p}/templates[/{t}[/versions[/{v}[/assign_to_assets]]]]`, and an asset's
// `version_history`. A template is a Git remote with a code; its credentials are never displayed.

export type TemplateListQuery = RansackQuery<TemplateFilterKey, TemplateSort>;
export type Template = Flat<TemplateAttributes, CredentialsRemovedMeta>;
export type TemplateVersion = Flat<TemplateVersionAttributes, JsonObject | null | undefined>;
export type TemplateVersionHistoryEntry = Flat<
  TemplateVersionHistoryAttributes,
  JsonObject | null | undefined
> & {
  /** The id of the template version the asset held, from `relationships.template_version`. */
  template_version_id: string | null;
};

export interface CreateTemplateInput {
  projectCode: string;
  attributes: { code: string; name: string; description: string; url: string } & GitCredentials;
}

export interface ArchiveTemplateInput {
  projectCode: string;
  code: string;
  archived: boolean;
}

export interface UpdateTemplateCredentialsInput {
  projectCode: string;
  code: string;
  credentials: GitCredentials;
}

export interface PutTemplateVersionInput {
  projectCode: string;
  templateCode: string;
  version: string;
  attributes: { description: string; git_rev: string; archived?: boolean };
}

export interface AssignTemplateVersionInput {
  projectCode: string;
  templateCode: string;
  version: string;
  /** OpsChain paths of the assets to move to the version. */
  assetPaths: string[];
}

export const templateKeys = {
  all: ['templates'] as const,
  lists: () => [...templateKeys.all, 'list'] as const,
  list: (projectCode: string, query: TemplateListQuery) =>
    [...templateKeys.lists(), projectCode, query] as const,
  versions: (projectCode: string, templateCode: string) =>
    [...templateKeys.all, 'versions', projectCode, templateCode] as const,
  /** A template read through a link (an asset's `template` relationship). */
  templateLink: (link: string) => [...templateKeys.all, 'template-link', link] as const,
  /** A template version read through a link (an asset's `template_version` relationship). */
  versionLink: (link: string) => [...templateKeys.all, 'version-link', link] as const,
  history: (assetPath: string) => [...templateKeys.all, 'history', assetPath] as const,
};

const enc = encodeURIComponent;
const collectionPath = (projectCode: string) => `${projectPath(projectCode)}/templates`;
const memberPath = (projectCode: string, code: string) => `${collectionPath(projectCode)}/${enc(code)}`;
const versionsPath = (projectCode: string, code: string) => `${memberPath(projectCode, code)}/versions`;
const versionPath = (projectCode: string, code: string, version: string) =>
  `${versionsPath(projectCode, code)}/${enc(version)}`;

const toTemplate = (resource: TemplateResource): Template => flatten(resource);
const toVersion = (resource: TemplateVersionResource): TemplateVersion => flatten(resource);

export async function listTemplates(
  projectCode: string,
  query: TemplateListQuery = {},
  signal?: AbortSignal,
): Promise<RowList<Template>> {
  const list = await fetchList(templateListDocumentSchema, collectionPath(projectCode), {
    params: ransackParams(query),
    signal,
  });
  return toRowList(list, toTemplate);
}

/** A template by its API link (`/api/projects/bank/templates/soa`). */
export async function getTemplateByLink(link: string, signal?: AbortSignal): Promise<Template> {
  return toTemplate((await fetchDocument(templateDocumentSchema, link, { signal })).data);
}

export async function createTemplate({ projectCode, attributes }: CreateTemplateInput): Promise<Template> {
  const { code, name, description, url, ...credentials } = attributes;
  const document = await fetchDocument(templateDocumentSchema, collectionPath(projectCode), {
    method: 'POST',
    body: { data: { attributes: { code, name, description, url, ...credentialsBody(credentials) } } },
  });
  return toTemplate(document.data);
}

export async function archiveTemplate({
  projectCode,
  code,
  archived,
}: ArchiveTemplateInput): Promise<Template> {
  const document = await fetchDocument(templateDocumentSchema, memberPath(projectCode, code), {
    method: 'PATCH',
    body: { data: { attributes: { archived } } },
  });
  return toTemplate(document.data);
}

export async function updateTemplateCredentials({
  projectCode,
  code,
  credentials,
}: UpdateTemplateCredentialsInput): Promise<Template> {
  const document = await fetchDocument(templateDocumentSchema, memberPath(projectCode, code), {
    method: 'PATCH',
    body: { data: { attributes: credentialsBody(credentials) } },
  });
  return toTemplate(document.data);
}

export async function listTemplateVersions(
  projectCode: string,
  templateCode: string,
  signal?: AbortSignal,
): Promise<RowList<TemplateVersion>> {
  const list = await fetchList(templateVersionListDocumentSchema, versionsPath(projectCode, templateCode), {
    signal,
  });
  return toRowList(list, toVersion);
}

/** A template version by its API link (`/api/projects/bank/templates/soa/versions/2025_Q1_1`). */
export async function getTemplateVersionByLink(link: string, signal?: AbortSignal): Promise<TemplateVersion> {
  return toVersion((await fetchDocument(templateVersionDocumentSchema, link, { signal })).data);
}

/** Creates the version, or updates it when it exists (PUT answers 200 both ways). */
export async function putTemplateVersion({
  projectCode,
  templateCode,
  version,
  attributes,
}: PutTemplateVersionInput): Promise<TemplateVersion> {
  const document = await fetchDocument(
    templateVersionDocumentSchema,
    versionPath(projectCode, templateCode, version),
    { method: 'PUT', body: { data: { attributes } } },
  );
  return toVersion(document.data);
}

export async function assignTemplateVersion({
  projectCode,
  templateCode,
  version,
  assetPaths,
}: AssignTemplateVersionInput): Promise<TemplateVersion> {
  const document = await fetchDocument(
    templateVersionDocumentSchema,
    `${versionPath(projectCode, templateCode, version)}/assign_to_assets`,
    { method: 'POST', body: { data: { attributes: { asset_paths: assetPaths } } } },
  );
  return toVersion(document.data);
}

/** The template versions an asset has held, from `<asset>/version_history`; the current one has no `active_to`. */
export async function listVersionHistory(
  assetPath: string,
  signal?: AbortSignal,
): Promise<RowList<TemplateVersionHistoryEntry>> {
  const list = await fetchList(templateVersionHistoryListDocumentSchema, `${assetPath}/version_history`, {
    signal,
  });
  return toRowList(list, (resource) => ({
    ...flatten(resource),
    template_version_id: toOneId(resource.relationships?.template_version),
  }));
}

export const templateListQuery = (projectCode: string, query: TemplateListQuery = {}) =>
  queryOptions({
    queryKey: templateKeys.list(projectCode, query),
    queryFn: ({ signal }) => listTemplates(projectCode, query, signal),
  });

export const templateVersionsQuery = (projectCode: string, templateCode: string) =>
  queryOptions({
    queryKey: templateKeys.versions(projectCode, templateCode),
    queryFn: ({ signal }) => listTemplateVersions(projectCode, templateCode, signal),
  });

export const templateByLinkQuery = (link: string) =>
  queryOptions({
    queryKey: templateKeys.templateLink(link),
    queryFn: ({ signal }) => getTemplateByLink(link, signal),
  });

export const templateVersionByLinkQuery = (link: string) =>
  queryOptions({
    queryKey: templateKeys.versionLink(link),
    queryFn: ({ signal }) => getTemplateVersionByLink(link, signal),
  });

export const versionHistoryQuery = (assetPath: string) =>
  queryOptions({
    queryKey: templateKeys.history(assetPath),
    queryFn: ({ signal }) => listVersionHistory(assetPath, signal),
  });

function useTemplateMutation<I, R>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

export const useCreateTemplate = () => useTemplateMutation(createTemplate);
export const useArchiveTemplate = () => useTemplateMutation(archiveTemplate);
export const useUpdateTemplateCredentials = () => useTemplateMutation(updateTemplateCredentials);
export const usePutTemplateVersion = () => useTemplateMutation(putTemplateVersion);

/** Moving assets changes their `template_version` relationship and history, so assets refresh too. */
export function useAssignTemplateVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignTemplateVersion,
    onSuccess: () =>
      Promise.all(
        [templateKeys.all, assetKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
