import type { NodeMeta } from '@contract/node';
import { describe, expect, it } from 'vitest';
import {
  ASSET_TABS,
  availableTabs,
  nodeOfPagePath,
  nodeTabSearchSchema,
  PROJECT_TABS,
  selectTab,
  tabOfPath,
  tabsOf,
} from './node-tabs';

const granted = { read: true, update: true };

function meta(overrides: Partial<NodeMeta>): NodeMeta {
  return {
    can_have_changes: true,
    can_have_children: true,
    can_have_properties: true,
    can_have_settings: true,
    can_have_templates: false,
    can_have_workflows: false,
    requires_template: false,
    child_node_types: [],
    authorisations: { self: { update: true }, properties: granted, settings: granted },
    ...overrides,
  };
}

// The capability flags of the spec's examples (domain §2.2).
const enterpriseProject = meta({
  can_have_templates: true,
  can_have_workflows: true,
  child_node_types: ['environment', 'asset'],
  authorisations: { self: { update: true }, git_remotes: granted, templates: granted },
});
const standardProject = meta({
  can_have_changes: false,
  child_node_types: ['environment'],
  authorisations: { self: { update: true }, git_remotes: granted },
});
const environment = meta({ child_node_types: ['asset'] });
const asset = meta({ can_have_children: false, requires_template: true });

describe('availableTabs', () => {
  it('gives any node a Schedules tab, last, when the server sends the scheduled_activities facet', () => {
    const withSchedules = meta({ authorisations: { scheduled_activities: { read: true, update: false } } });
    expect(availableTabs(withSchedules).at(-1)).toBe('schedules');
    expect(availableTabs(environment)).not.toContain('schedules');
  });

  it('gives a Standard project no Schedules tab: it can run neither changes nor workflows', () => {
    const facet = { scheduled_activities: { read: true, update: true } };
    expect(availableTabs({ ...standardProject, authorisations: facet })).not.toContain('schedules');
  });

  it('gives an Enterprise project environments, assets, Git remotes and templates', () => {
    expect(availableTabs(enterpriseProject)).toEqual([
      'overview',
      'environments',
      'assets',
      'properties',
      'settings',
      'git-remotes',
      'templates',
      'workflows',
      'activity',
    ]);
  });

  it('gives a Standard project no assets and no templates, because its flags say so', () => {
    expect(availableTabs(standardProject)).toEqual([
      'overview',
      'environments',
      'properties',
      'settings',
      'git-remotes',
      'workflows',
      'activity',
    ]);
  });

  it('gives projects a Workflows tab (a Standard one says why it has none), and environments none', () => {
    expect(availableTabs(standardProject)).toContain('workflows');
    expect(availableTabs(environment)).not.toContain('workflows');
    expect(availableTabs(asset)).not.toContain('workflows');
  });

  it('gives an environment its assets but no Git remotes', () => {
    expect(availableTabs(environment)).toEqual(['overview', 'assets', 'properties', 'settings', 'activity']);
  });

  it('gives an asset its template, converged properties and MintModels', () => {
    expect(availableTabs(asset)).toEqual([
      'overview',
      'template',
      'properties',
      'converged-properties',
      'settings',
      'mintmodels',
      'activity',
    ]);
  });

  it('leaves out properties and settings on a node that cannot have them', () => {
    expect(availableTabs(meta({ can_have_properties: false, can_have_settings: false }))).toEqual([
      'overview',
      'activity',
    ]);
  });
});

describe('selectTab', () => {
  it('shows the requested tab when the node has it', () => {
    expect(selectTab(enterpriseProject, 'templates')).toBe('templates');
    expect(selectTab(asset, 'mintmodels')).toBe('mintmodels');
  });

  it('falls back to the overview for a tab this node does not have, or none', () => {
    expect(selectTab(standardProject, 'templates')).toBe('overview');
    expect(selectTab(environment, 'git-remotes')).toBe('overview');
    expect(selectTab(asset, undefined)).toBe('overview');
  });
});

describe('nodeTabSearchSchema', () => {
  it('accepts known tabs and turns anything else into no tab', () => {
    expect(nodeTabSearchSchema.parse('settings')).toBe('settings');
    expect(nodeTabSearchSchema.parse('drop-tables')).toBeUndefined();
    expect(nodeTabSearchSchema.parse(42)).toBeUndefined();
  });
});

describe('tabsOf', () => {
  it('keeps the tabs the meta flags allow that the kind has routes for, in display order', () => {
    expect(tabsOf(PROJECT_TABS, standardProject)).toEqual([
      'overview',
      'environments',
      'properties',
      'settings',
      'git-remotes',
      'workflows',
      'activity',
    ]);
    // An asset's flags on a project would ask for asset tabs; a project has no routes for them.
    expect(tabsOf(PROJECT_TABS, asset)).toEqual(['overview', 'properties', 'settings', 'activity']);
    expect(tabsOf(ASSET_TABS, asset)).toEqual(availableTabs(asset));
  });
});

describe('tabOfPath', () => {
  it("reads the tab below a node's address, the overview at the address itself", () => {
    expect(tabOfPath('/projects/bank', '/projects/bank')).toBe('overview');
    expect(tabOfPath('/projects/bank/', '/projects/bank')).toBe('overview');
    expect(tabOfPath('/projects/bank/git-remotes', '/projects/bank')).toBe('git-remotes');
  });

  it("is undefined for another node's page or an unknown segment", () => {
    expect(tabOfPath('/projects/bank/environments/dev', '/projects/bank')).toBeUndefined();
    expect(tabOfPath('/projects/bank/overview', '/projects/bank')).toBeUndefined();
    expect(tabOfPath('/projects/banking/settings', '/projects/bank')).toBeUndefined();
  });
});

describe('nodeOfPagePath', () => {
  it("finds the node of a page on any of its tabs, and a node whose code is a tab's name", () => {
    expect(nodeOfPagePath('/projects/bank')).toEqual({ kind: 'project', projectCode: 'bank' });
    expect(nodeOfPagePath('/projects/bank/environments')).toEqual({ kind: 'project', projectCode: 'bank' });
    expect(nodeOfPagePath('/projects/bank/environments/dev/assets')).toEqual({
      kind: 'environment',
      projectCode: 'bank',
      environmentCode: 'dev',
    });
    expect(nodeOfPagePath('/projects/bank/assets/db/mintmodels')).toEqual({
      kind: 'asset',
      projectCode: 'bank',
      assetCode: 'db',
    });
    expect(nodeOfPagePath('/projects/bank/assets/settings')).toEqual({
      kind: 'asset',
      projectCode: 'bank',
      assetCode: 'settings',
    });
  });

  it('is null for addresses that are no node page', () => {
    expect(nodeOfPagePath('/projects')).toBeNull();
    expect(nodeOfPagePath('/projects/bank/overview')).toBeNull();
    expect(nodeOfPagePath('/events')).toBeNull();
  });
});
