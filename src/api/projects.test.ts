import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { environmentListQuery, environmentKeys } from './environments';
import { ApiError } from './errors';
import {
  getProject,
  listProjects,
  listProjectSummaries,
  projectKeys,
  projectQuery,
  useUpdateProject,
} from './projects';

setUpEmulator();

describe('projects', () => {
  it('lists projects with their capability flags and says whether the caller may create more', async () => {
    signInAs('opschain');
    const { projects, canCreate } = await listProjects();

    expect(canCreate).toBe(true);
    expect(projects.map((project) => project.code)).toEqual(['bank', 'retail', 'website']);
    const website = projects.find((project) => project.code === 'website');
    expect(website).toMatchObject({
      kind: 'project',
      path: '/projects/website',
      project_type: 'Standard',
      meta: { child_node_types: ['environment'] },
    });

    signInAs('viewer');
    await expect(listProjects()).resolves.toMatchObject({ canCreate: false });
  });

  it('filters and sorts on the server with ransack parameters', async () => {
    signInAs('viewer');

    const { projects } = await listProjects({
      filters: { project_type_eq: 'Enterprise' },
      sorts: 'code desc',
    });

    expect(projects.map((project) => project.code)).toEqual(['retail', 'bank']);
  });

  it('summarises projects for navigation', async () => {
    signInAs('viewer');

    const { items: summaries } = await listProjectSummaries({ filters: { code_eq: 'bank' } });

    expect(summaries.map(({ id, ...summary }) => ({ ...summary, hasId: id !== '' }))).toEqual([
      {
        kind: 'project',
        hasId: true,
        code: 'bank',
        name: 'Core Banking Platform',
        description: 'Payments, ledgers and the SOA integration layer',
        archived: false,
        path: '/projects/bank',
        projectCode: 'bank',
        projectType: 'Enterprise',
        meta: {
          can_have_children: true,
          child_node_types: ['environment', 'asset'],
          can_have_workflows: true,
        },
      },
    ]);
  });

  it('answers an unknown project with ApiError 404', async () => {
    signInAs('viewer');

    await expect(getProject('no_such_project')).rejects.toMatchObject({ status: 404 });
    await expect(getProject('no_such_project')).rejects.toBeInstanceOf(ApiError);
  });

  it('archiving a project refreshes environment and asset queries too, since they are archived with it', async () => {
    signInAs('opschain');
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: Infinity } },
    });
    await queryClient.query(projectQuery('retail'));
    await queryClient.query(environmentListQuery('retail'));
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(QueryClientProvider, { client: queryClient }, children);
    const { result } = renderHook(() => useUpdateProject(), { wrapper });

    result.current.mutate({ code: 'retail', changes: { archived: true } });

    await waitFor(() => {
      expect(result.current.isSuccess).toBe(true);
    });
    expect(queryClient.getQueryState(projectKeys.detail('retail'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(environmentKeys.list('retail', {}))?.isInvalidated).toBe(true);
    await expect(getProject('retail')).resolves.toMatchObject({ archived: true });
  });
});
