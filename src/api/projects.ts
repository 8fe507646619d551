import type { ProjectFilterKey, ProjectSort } from '@contract/filters';
import {
  projectDocumentSchema,
  projectListDocumentSchema,
  projectSummaryListDocumentSchema,
  type NodeMeta,
  type ProjectAttributes,
  type ProjectResource,
  type ProjectType,
} from '@contract/node';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowList, UnreadableRow } from '@/lib/list-rows';
import { projectPath } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { fetchDocument, fetchList, flatten, toRowList, type Flat } from './json-api';
import { assetKeys } from './assets';
import { environmentKeys } from './environments';
import { projectSummary, type NodeSummary } from './node-summary';

// Projects: `/api/projects` and `/api/projects/{code}` (domain §2.2).

export type ProjectListQuery = RansackQuery<ProjectFilterKey, ProjectSort>;
export type Project = Flat<ProjectAttributes, NodeMeta> & { kind: 'project'; path: string };

export interface ProjectList {
  projects: Project[];
  /** Projects the console could not read (shown marked, see UnreadableRowsNotice). */
  unreadable: UnreadableRow[];
  /** `meta.authorisations.update` of the list: whether the caller may create projects. */
  canCreate: boolean;
}

export interface CreateProjectInput {
  code: string;
  name: string;
  description: string;
  project_type: ProjectType;
}

export interface UpdateProjectInput {
  code: string;
  changes: Partial<Pick<ProjectAttributes, 'name' | 'description' | 'archived'>>;
}

export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (query: ProjectListQuery) => [...projectKeys.lists(), query] as const,
  summaries: (query: ProjectListQuery) => [...projectKeys.all, 'summaries', query] as const,
  details: () => [...projectKeys.all, 'detail'] as const,
  detail: (code: string) => [...projectKeys.details(), code] as const,
};

function toProject(resource: ProjectResource): Project {
  return { ...flatten(resource), kind: 'project', path: projectPath(resource.attributes.code) };
}

export async function listProjects(query: ProjectListQuery = {}, signal?: AbortSignal): Promise<ProjectList> {
  const list = await fetchList(projectListDocumentSchema, '/projects', {
    params: ransackParams(query),
    signal,
  });
  return {
    projects: list.data.map(toProject),
    unreadable: list.unreadable,
    canCreate: list.meta?.authorisations.update === true,
  };
}

/** Projects for navigation: only the fields the tree and search show (cheaper to check). */
export async function listProjectSummaries(
  query: ProjectListQuery = {},
  signal?: AbortSignal,
): Promise<RowList<NodeSummary>> {
  const list = await fetchList(projectSummaryListDocumentSchema, '/projects', {
    params: ransackParams(query),
    signal,
  });
  return toRowList(list, projectSummary);
}

export async function getProject(code: string, signal?: AbortSignal): Promise<Project> {
  const document = await fetchDocument(projectDocumentSchema, projectPath(code), { signal });
  return toProject(document.data);
}

export async function createProject(input: CreateProjectInput): Promise<Project> {
  const document = await fetchDocument(projectDocumentSchema, '/projects', {
    method: 'POST',
    body: { data: { attributes: input } },
  });
  return toProject(document.data);
}

export async function updateProject({ code, changes }: UpdateProjectInput): Promise<Project> {
  const document = await fetchDocument(projectDocumentSchema, projectPath(code), {
    method: 'PATCH',
    body: { data: { attributes: changes } },
  });
  return toProject(document.data);
}

export const projectListQuery = (query: ProjectListQuery = {}) =>
  queryOptions({ queryKey: projectKeys.list(query), queryFn: ({ signal }) => listProjects(query, signal) });

export const projectSummariesQuery = (query: ProjectListQuery = {}) =>
  queryOptions({
    queryKey: projectKeys.summaries(query),
    queryFn: ({ signal }) => listProjectSummaries(query, signal),
  });

export const projectQuery = (code: string) =>
  queryOptions({ queryKey: projectKeys.detail(code), queryFn: ({ signal }) => getProject(code, signal) });

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

/** Rename, describe, archive or restore; archiving a project archives its environments and assets too. */
export function useUpdateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProject,
    onSuccess: (_project, { changes }) =>
      Promise.all(
        (changes.archived === undefined
          ? [projectKeys.all]
          : [projectKeys.all, environmentKeys.all, assetKeys.all]
        ).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
