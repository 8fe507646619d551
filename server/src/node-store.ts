import type { Emulator } from './context.ts';
import { createDocument } from './documents.ts';
import { modelErrors } from './errors.ts';
import type { NodeKind, NodeRow } from './nodes.ts';
import { findNodeById } from './nodes.ts';

export const CODE_PATTERN = /^[a-z0-9_]{1,50}$/;
const PROJECT_TYPES = ['Standard', 'Enterprise'] as const;

export interface NewNode {
  kind: NodeKind;
  parent: NodeRow | null;
  code: unknown;
  name: unknown;
  description?: unknown;
  projectType?: unknown;
  /** Assets: the template version they are built from. */
  templateVersionId?: string;
  templateId?: string;
  properties?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

const SEGMENT: Record<NodeKind, string> = {
  project: 'projects',
  environment: 'environments',
  asset: 'assets',
};

export function childPath(parent: NodeRow | null, kind: NodeKind, code: string): string {
  return `${parent ? parent.path : ''}/${SEGMENT[kind]}/${code}`;
}

/**
 * Validates and inserts a project, environment or asset with its properties and settings documents.
 * Codes are lower-cased (OpsChain does this since 2025-01-23) and, like names, unique among siblings.
 */
export function createNode(emu: Emulator, input: NewNode): NodeRow {
  const problems: { field: string; title: string }[] = [];
  const rawCode = typeof input.code === 'string' ? input.code.trim().toLowerCase() : '';
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (rawCode === '') problems.push({ field: 'code', title: "Code can't be blank" });
  else if (!CODE_PATTERN.test(rawCode)) {
    problems.push({
      field: 'code',
      title: 'Code must contain only lowercase letters, numbers and underscores (at most 50 characters)',
    });
  }
  if (name === '') problems.push({ field: 'name', title: "Name can't be blank" });
  else if (name.length > 200)
    problems.push({ field: 'name', title: 'Name is too long (maximum is 200 characters)' });
  if (
    input.description !== undefined &&
    input.description !== null &&
    typeof input.description !== 'string'
  ) {
    problems.push({ field: 'description', title: 'Description must be a string' });
  }
  let projectType: string | null = null;
  if (input.kind === 'project') {
    if (
      typeof input.projectType !== 'string' ||
      !(PROJECT_TYPES as readonly string[]).includes(input.projectType)
    ) {
      problems.push({ field: 'project_type', title: 'Project type must be "Standard" or "Enterprise"' });
    } else projectType = input.projectType;
  }
  if (input.parent?.archived === 1) {
    problems.push({
      field: 'base',
      title: `Cannot create a ${input.kind} in an archived ${input.parent.kind}`,
    });
  }
  const path = childPath(input.parent, input.kind, rawCode);
  if (rawCode !== '' && problems.every((p) => p.field !== 'code')) {
    const clash = emu.sql('SELECT 1 FROM nodes WHERE path = ?').get(path);
    if (clash) problems.push({ field: 'code', title: 'Code has already been taken' });
  }
  if (name !== '') {
    const clash = emu
      .sql('SELECT 1 FROM nodes WHERE kind = ? AND parent_id IS ? AND name = ?')
      .get(input.kind, input.parent?.id ?? null, name);
    if (clash) problems.push({ field: 'name', title: 'Name has already been taken' });
  }
  if (problems.length > 0) throw modelErrors(problems);

  const id = emu.newId();
  const now = emu.now();
  const propertiesId = createDocument(emu, 'properties', id, input.kind, input.properties ?? {});
  const settingsId = createDocument(emu, 'settings', id, input.kind, input.settings ?? {});
  const parent = input.parent;
  const projectId = parent ? (parent.kind === 'project' ? parent.id : parent.project_id) : null;
  const environmentId = parent?.kind === 'environment' ? parent.id : null;
  emu
    .sql(
      `INSERT INTO nodes (id, kind, code, name, description, archived, project_type, path, parent_id, project_id,
         environment_id, properties_id, settings_id, template_id, template_version_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.kind,
      rawCode,
      name,
      typeof input.description === 'string' ? input.description : null,
      projectType,
      path,
      parent?.id ?? null,
      projectId,
      environmentId,
      propertiesId,
      settingsId,
      input.templateId ?? null,
      input.templateVersionId ?? null,
      now,
      now,
    );
  if (input.kind === 'asset' && input.templateVersionId) {
    emu
      .sql(
        `INSERT INTO template_version_history (id, asset_id, template_version_id, active_from, active_to)
         VALUES (?, ?, ?, ?, NULL)`,
      )
      .run(emu.newId(), id, input.templateVersionId, now);
  }
  const row = findNodeById(emu, id);
  if (!row) throw new Error('node vanished after insert');
  return row;
}
