import type { EnvironmentFilterKey, EnvironmentSort } from '@contract/filters';
import {
  environmentDocumentSchema,
  environmentListDocumentSchema,
  environmentSummaryListDocumentSchema,
  type EnvironmentAttributes,
  type EnvironmentResource,
  type NodeMeta,
} from '@contract/node';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList } from '@/lib/list-rows';
import { environmentPath, projectPath } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { assetKeys } from './assets';
import { fetchDocument, fetchList, flatten, toRowList, type Flat } from './json-api';
import { environmentSummary, type NodeSummary } from './node-summary';

// Environments of a project: `/api/projects/{p}/environments[/{e}]` (domain §2.2).

export type EnvironmentListQuery = RansackQuery<EnvironmentFilterKey, EnvironmentSort>;
export type Environment = Flat<EnvironmentAttributes, NodeMeta> & {
  kind: 'environment';
  path: string;
  projectCode: string;
};

export interface CreateEnvironmentInput {
  projectCode: string;
  attributes: { code: string; name: string; description: string };
}

export interface UpdateEnvironmentInput {
  projectCode: string;
  code: string;
  changes: Partial<Pick<EnvironmentAttributes, 'name' | 'description' | 'archived'>>;
}

export const environmentKeys = {
  all: ['environments'] as const,
  lists: () => [...environmentKeys.all, 'list'] as const,
  list: (projectCode: string, query: EnvironmentListQuery) =>
    [...environmentKeys.lists(), projectCode, query] as const,
  summaries: (projectCode: string, query: EnvironmentListQuery) =>
    [...environmentKeys.all, 'summaries', projectCode, query] as const,
  details: () => [...environmentKeys.all, 'detail'] as const,
  detail: (projectCode: string, code: string) => [...environmentKeys.details(), projectCode, code] as const,
};

function toEnvironment(projectCode: string, resource: EnvironmentResource): Environment {
  return {
    ...flatten(resource),
    kind: 'environment',
    path: environmentPath(projectCode, resource.attributes.code),
    projectCode,
  };
}

const collectionPath = (projectCode: string) => `${projectPath(projectCode)}/environments`;

export async function listEnvironments(
  projectCode: string,
  query: EnvironmentListQuery = {},
  signal?: AbortSignal,
): Promise<RowList<Environment>> {
  const list = await fetchList(environmentListDocumentSchema, collectionPath(projectCode), {
    params: ransackParams(query),
    signal,
  });
  return toRowList(list, (resource) => toEnvironment(projectCode, resource));
}

/** Environments for navigation: only the fields the tree and search show (cheaper to check). */
export async function listEnvironmentSummaryRows(
  projectCode: string,
  query: EnvironmentListQuery = {},
  signal?: AbortSignal,
): Promise<RowList<NodeSummary>> {
  const list = await fetchList(environmentSummaryListDocumentSchema, collectionPath(projectCode), {
    params: ransackParams(query),
    signal,
  });
  return toRowList(list, (resource) => environmentSummary(projectCode, resource));
}

/** The readable environments only (search: hits, not a list to mark; odd rows are still reported). */
export async function listEnvironmentSummaries(
  projectCode: string,
  query: EnvironmentListQuery = {},
  signal?: AbortSignal,
): Promise<NodeSummary[]> {
  return (await listEnvironmentSummaryRows(projectCode, query, signal)).items;
}

export async function getEnvironment(
  projectCode: string,
  code: string,
  signal?: AbortSignal,
): Promise<Environment> {
  const document = await fetchDocument(environmentDocumentSchema, environmentPath(projectCode, code), {
    signal,
  });
  return toEnvironment(projectCode, document.data);
}

export async function createEnvironment({
  projectCode,
  attributes,
}: CreateEnvironmentInput): Promise<Environment> {
  const document = await fetchDocument(environmentDocumentSchema, collectionPath(projectCode), {
    method: 'POST',
    body: { data: { attributes } },
  });
  return toEnvironment(projectCode, document.data);
}

export async function updateEnvironment({
  projectCode,
  code,
  changes,
}: UpdateEnvironmentInput): Promise<Environment> {
  const document = await fetchDocument(environmentDocumentSchema, environmentPath(projectCode, code), {
    method: 'PATCH',
    body: { data: { attributes: changes } },
  });
  return toEnvironment(projectCode, document.data);
}

export const environmentListQuery = (projectCode: string, query: EnvironmentListQuery = {}) =>
  queryOptions({
    queryKey: environmentKeys.list(projectCode, query),
    queryFn: ({ signal }) => listEnvironments(projectCode, query, signal),
  });

export const environmentSummariesQuery = (projectCode: string, query: EnvironmentListQuery = {}) =>
  queryOptions({
    queryKey: environmentKeys.summaries(projectCode, query),
    queryFn: ({ signal }) => listEnvironmentSummaryRows(projectCode, query, signal),
  });

export const environmentQuery = (projectCode: string, code: string) =>
  queryOptions({
    queryKey: environmentKeys.detail(projectCode, code),
    queryFn: ({ signal }) => getEnvironment(projectCode, code, signal),
  });

export function useCreateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEnvironment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}

/** Rename, describe, archive or restore; archiving an environment archives its assets too. */
export function useUpdateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEnvironment,
    onSuccess: (_environment, { changes }) =>
      Promise.all(
        (changes.archived === undefined ? [environmentKeys.all] : [environmentKeys.all, assetKeys.all]).map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
