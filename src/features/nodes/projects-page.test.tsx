import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
  useNavigate,
} from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorFetch, setUpEmulator, signInAs, type TestEmulator, unreachableFetch } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { ProjectsPage } from './projects-page';
import { projectsSearchSchema, type ProjectsSearch } from './projects-search';

// The page under a real router, its search bound to the URL as the route binds it, against the emulator.
function renderProjectsPage(initialUrl = '/projects') {
  const rootRoute = createRootRoute();
  const projectsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/projects',
    validateSearch: projectsSearchSchema,
    component: function ProjectsRoute() {
      const search = projectsRoute.useSearch();
      const navigate = useNavigate();
      return (
        <ProjectsPage
          search={search}
          onSearchChange={(patch: Partial<ProjectsSearch>) =>
            // Relative to the current location: the app's registered route tree types `to`.
            void navigate({ to: '.', search: (prev) => ({ ...prev, ...patch }), replace: true })
          }
        />
      );
    },
  });
  const projectRoute = createRoute({ getParentRoute: () => rootRoute, path: '/projects/$projectCode' });
  const router = createRouter({
    routeTree: rootRoute.addChildren([projectsRoute, projectRoute]),
    history: createMemoryHistory({ initialEntries: [initialUrl] }),
  });
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

/** The files the page hands to the browser as downloads (the browser's own download is stubbed). */
function watchDownloads(): Blob[] {
  const saved: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (blob instanceof Blob) saved.push(blob);
    return 'blob:projects-export';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return saved;
}

async function projectNames(): Promise<string[]> {
  const table = await screen.findByRole('table', { name: 'Projects' });
  return within(table)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

/** The `filter[...]` parameters of the API requests for the projects list. */
function watchProjectRequests(emulator: TestEmulator): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  const forward = emulatorFetch(emulator.app);
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://console.test');
    if (url.pathname === '/api/projects') seen.push(url.searchParams);
    return forward(input, init);
  });
  return seen;
}

describe('ProjectsPage', () => {
  const emulator = setUpEmulator();

  afterEach(() => {
    vi.restoreAllMocks();
    vi.stubGlobal('fetch', emulatorFetch(emulator().app));
  });

  it('lists the projects by name, and the filter box narrows them on the server and in the URL', async () => {
    signInAs('viewer');
    const requests = watchProjectRequests(emulator());
    const { user, router } = renderProjectsPage();

    expect(await screen.findByRole('status')).toHaveTextContent('Loading projects');
    await waitFor(async () => {
      expect(await projectNames()).toEqual([
        'Core Banking Platform',
        'Corporate Website',
        'Retail Web Store',
      ]);
    });
    expect(screen.getByText('3 projects')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Filter projects' }), 'web');

    await waitFor(async () => {
      expect(await projectNames()).toEqual(['Corporate Website', 'Retail Web Store']);
    });
    expect(router.state.location.search).toEqual({ q: 'web' });
    expect(requests.at(-1)?.get('filter[name_or_code_cont]')).toBe('web');
    expect(screen.getByText('2 projects match the filter')).toBeInTheDocument();
  });

  it('filters by project type', async () => {
    signInAs('viewer');
    const { user, router } = renderProjectsPage();
    await screen.findByRole('table', { name: 'Projects' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Project type' }), 'Standard');

    await waitFor(async () => {
      expect(await projectNames()).toEqual(['Corporate Website']);
    });
    expect(router.state.location.search).toEqual({ type: 'Standard' });
  });

  it('sorts by the clicked column header, flipping the direction on a second click', async () => {
    signInAs('viewer');
    const { user, router } = renderProjectsPage();
    const table = await screen.findByRole('table', { name: 'Projects' });
    const header = (name: string) => within(table).getByRole('columnheader', { name });
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(header('Code')).getByRole('button'));
    await waitFor(() => {
      expect(header('Code')).toHaveAttribute('aria-sort', 'ascending');
    });
    expect(header('Name')).toHaveAttribute('aria-sort', 'none');
    await waitFor(async () => {
      expect(await projectNames()).toEqual([
        'Core Banking Platform',
        'Retail Web Store',
        'Corporate Website',
      ]);
    });

    await user.click(within(header('Code')).getByRole('button'));
    await waitFor(async () => {
      expect(await projectNames()).toEqual([
        'Corporate Website',
        'Retail Web Store',
        'Core Banking Platform',
      ]);
    });
    expect(header('Code')).toHaveAttribute('aria-sort', 'descending');
    expect(router.state.location.search).toEqual({ sort: 'code', dir: 'desc' });
  });

  it('opens with the filters and sort of a shared link', async () => {
    signInAs('viewer');
    renderProjectsPage('/projects?type=Enterprise&sort=name&dir=desc');

    await waitFor(async () => {
      expect(await projectNames()).toEqual(['Retail Web Store', 'Core Banking Platform']);
    });
    expect(screen.getByRole('combobox', { name: 'Project type' })).toHaveValue('Enterprise');
  });

  it('says when nothing matches and clears the filters on request', async () => {
    signInAs('viewer');
    const { user, router } = renderProjectsPage('/projects?q=nothing-like-this&type=Standard');

    expect(await screen.findByText('No Standard projects match “nothing-like-this”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));

    await waitFor(async () => {
      expect(await projectNames()).toHaveLength(3);
    });
    expect(router.state.location.search).toEqual({});
    expect(screen.getByRole('textbox', { name: 'Filter projects' })).toHaveValue('');
  });

  it('exports a CSV of the filtered projects through the download parameter', async () => {
    signInAs('viewer');
    const requests = watchProjectRequests(emulator());
    const downloads = watchDownloads();
    const { user } = renderProjectsPage('/projects?type=Enterprise&sort=code&dir=desc');
    await screen.findByRole('table', { name: 'Projects' });

    await user.click(screen.getByRole('button', { name: 'Export CSV of the projects' }));

    await waitFor(() => {
      expect(downloads).toHaveLength(1);
    });
    const download = requests.find((params) => params.has('download'));
    expect(download?.get('download')).toBe('projects.csv');
    expect(download?.get('filter[project_type_eq]')).toBe('Enterprise');
    expect(download?.get('filter[archived_eq]')).toBe('false');
    const rows = ((await downloads[0]?.text()) ?? '').trim().split(/\r?\n/).slice(1);
    expect(rows.map((row) => row.split(',')[1]).sort()).toEqual(['bank', 'retail']);
  });

  it('explains a failed load and lists the projects after Retry', async () => {
    signInAs('viewer');
    vi.stubGlobal('fetch', unreachableFetch());
    const { user } = renderProjectsPage();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The projects could not be loaded');
    expect(alert).toHaveTextContent('The OpsChain server could not be reached');
    expect(screen.queryByRole('button', { name: 'New project' })).not.toBeInTheDocument();

    vi.stubGlobal('fetch', emulatorFetch(emulator().app));
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    await waitFor(async () => {
      expect(await projectNames()).toHaveLength(3);
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('ProjectsPage with no projects yet', () => {
  setUpEmulator({ seed: 'none' });

  it('says what projects are for and how to create the first one', async () => {
    signInAs('opschain');
    renderProjectsPage();

    expect(await screen.findByText('No active projects')).toBeInTheDocument();
    expect(screen.getByText(/Create the first one with New project/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New project' })).toBeEnabled();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
