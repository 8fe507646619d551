/**
 * Workflows and their numbered versions (domain §9.1): rows, look-ups and JSON:API resources.
 *
 * A workflow's own row holds what never changes between versions (project, code, `archived`); its name,
 * description, draft flag and steps are those of its latest version, as the spec's update example shows
 * (`draft: true`, `latest_version: 2`, `latest_published_version: 1`).
 */
import type { WorkflowAttributes, WorkflowVersionAttributes } from '@contract/workflow.ts';
import type { Emulator } from '../context.ts';
import type { Resource } from '../jsonapi.ts';
import type { StepDef } from './definitions.ts';

export interface WorkflowRow {
  id: string;
  project_id: string;
  code: string;
  archived: number;
  next_version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface VersionRow {
  id: string;
  workflow_id: string;
  version: number;
  name: string;
  description: string | null;
  draft: number;
  archived: number;
  steps: string;
  source_yaml: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export function findWorkflow(emu: Emulator, projectId: string, code: string): WorkflowRow | undefined {
  return emu.sql('SELECT * FROM workflows WHERE project_id = ? AND code = ?').get(projectId, code) as
    WorkflowRow | undefined;
}

export function findWorkflowById(emu: Emulator, id: string): WorkflowRow | undefined {
  return emu.sql('SELECT * FROM workflows WHERE id = ?').get(id) as WorkflowRow | undefined;
}

export function findVersion(emu: Emulator, workflowId: string, version: number): VersionRow | undefined {
  return emu
    .sql('SELECT * FROM workflow_versions WHERE workflow_id = ? AND version = ?')
    .get(workflowId, version) as VersionRow | undefined;
}

export function findVersionById(emu: Emulator, id: string): VersionRow | undefined {
  return emu.sql('SELECT * FROM workflow_versions WHERE id = ?').get(id) as VersionRow | undefined;
}

export function latestVersion(emu: Emulator, workflowId: string): VersionRow | undefined {
  return emu
    .sql('SELECT * FROM workflow_versions WHERE workflow_id = ? ORDER BY version DESC LIMIT 1')
    .get(workflowId) as VersionRow | undefined;
}

/** The version runs use: the newest that is published (not a draft) and not archived. */
export function latestPublished(emu: Emulator, workflowId: string): VersionRow | undefined {
  return emu
    .sql(
      'SELECT * FROM workflow_versions WHERE workflow_id = ? AND draft = 0 AND archived = 0 ORDER BY version DESC LIMIT 1',
    )
    .get(workflowId) as VersionRow | undefined;
}

export function versionsOf(emu: Emulator, workflowId: string): VersionRow[] {
  return emu
    .sql('SELECT * FROM workflow_versions WHERE workflow_id = ? ORDER BY version')
    .all(workflowId) as VersionRow[];
}

export function workflowHasRuns(emu: Emulator, workflowId: string): boolean {
  return emu.sql('SELECT 1 FROM workflow_runs WHERE workflow_id = ? LIMIT 1').get(workflowId) !== undefined;
}

export function versionHasRuns(emu: Emulator, versionId: string): boolean {
  return (
    emu.sql('SELECT 1 FROM workflow_runs WHERE workflow_version_id = ? LIMIT 1').get(versionId) !== undefined
  );
}

export interface NewVersion {
  name: string;
  description: string | null;
  draft: boolean;
  steps: readonly StepDef[];
  sourceYaml: string;
  createdBy: string;
}

/** Stores the next numbered version of a workflow; returns its number. */
export function insertVersion(emu: Emulator, workflow: WorkflowRow, input: NewVersion): number {
  const current = emu.sql('SELECT next_version FROM workflows WHERE id = ?').get(workflow.id) as
    { next_version: number } | undefined;
  const version = current?.next_version ?? workflow.next_version;
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO workflow_versions (id, workflow_id, version, name, description, draft, archived, steps, source_yaml,
         created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
    )
    .run(
      emu.newId(),
      workflow.id,
      version,
      input.name,
      input.description,
      input.draft ? 1 : 0,
      JSON.stringify(input.steps),
      input.sourceYaml,
      input.createdBy,
      now,
      now,
    );
  emu
    .sql('UPDATE workflows SET next_version = ?, updated_at = ? WHERE id = ?')
    .run(version + 1, now, workflow.id);
  return version;
}

export function parseSteps(text: string): StepDef[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as StepDef[]) : [];
  } catch {
    return [];
  }
}

export function workflowUrl(projectCode: string, code: string): string {
  return `/api/projects/${projectCode}/workflows/${code}`;
}

/** What a workflow and a workflow version both carry: the definition, without the version number. */
type DefinitionAttributes = Omit<WorkflowVersionAttributes, 'version'>;

/** The version's shared attributes (a workflow shows those of its latest version). */
function definitionAttributes(code: string, version: VersionRow): DefinitionAttributes {
  return {
    code,
    name: version.name,
    // The response schema has description as a (non-null) string.
    description: version.description ?? '',
    draft: version.draft === 1,
    archived: version.archived === 1,
    created_by: version.created_by,
    created_at: version.created_at,
    updated_at: version.updated_at,
    source_yaml: version.source_yaml,
    steps: parseSteps(version.steps),
  };
}

export function serializeWorkflow(
  workflow: WorkflowRow,
  projectCode: string,
  latest: VersionRow,
  published: VersionRow | undefined,
): Resource {
  const self = workflowUrl(projectCode, workflow.code);
  return {
    id: workflow.id,
    type: 'workflow',
    // `satisfies` the console's attributes, so a serialiser change the console cannot read fails `tsc`.
    attributes: {
      ...definitionAttributes(workflow.code, latest),
      archived: workflow.archived === 1,
      created_by: workflow.created_by,
      created_at: workflow.created_at,
      updated_at: workflow.updated_at > latest.updated_at ? workflow.updated_at : latest.updated_at,
      latest_version: latest.version,
      latest_published_version: published?.version ?? null,
    } satisfies WorkflowAttributes,
    links: {
      self,
      runs: `${self}/runs`,
      project: `/api/projects/${projectCode}`,
      versions: `${self}/versions`,
      latest_version: `${self}/versions/${String(latest.version)}`,
      latest_published_version: published ? `${self}/versions/${String(published.version)}` : null,
    },
  };
}

export function serializeVersion(version: VersionRow, workflowCode: string, projectCode: string): Resource {
  const workflow = workflowUrl(projectCode, workflowCode);
  const self = `${workflow}/versions/${String(version.version)}`;
  return {
    id: version.id,
    type: 'workflow_version',
    attributes: {
      ...definitionAttributes(workflowCode, version),
      version: version.version,
    } satisfies WorkflowVersionAttributes,
    links: { self, runs: `${self}/runs`, project: `/api/projects/${projectCode}`, workflow },
  };
}

/** Serializes a workflow with its latest and latest published versions (undefined if it has no version). */
export function workflowResource(
  emu: Emulator,
  workflow: WorkflowRow,
  projectCode: string,
): Resource | undefined {
  const latest = latestVersion(emu, workflow.id);
  if (!latest) return undefined;
  return serializeWorkflow(workflow, projectCode, latest, latestPublished(emu, workflow.id));
}
