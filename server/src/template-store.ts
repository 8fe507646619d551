import { createHash } from 'node:crypto';
import { CATALOG_ACTIONS } from './catalog.ts';
import type { Emulator } from './context.ts';

export interface NewTemplate {
  projectId: string;
  code: string;
  name: string;
  description: string | null;
  url: string;
  user?: string | null;
  password?: string | null;
  sshKeyData?: string | null;
}

export function insertTemplate(emu: Emulator, t: NewTemplate): string {
  const id = emu.newId();
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO templates (id, project_id, code, name, description, url, user, password, ssh_key_data,
         archived, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    )
    .run(id, t.projectId, t.code, t.name, t.description, t.url, t.user ?? null, t.password ?? null, t.sshKeyData ?? null, now, now);
  return id;
}

/** A deterministic fake commit SHA for a revision: the emulator has no Git, but SHAs must look real and be stable. */
export function fakeCommitSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

export interface NewTemplateVersion {
  templateId: string;
  templateCode: string;
  version: string;
  description: string | null;
  gitRev: string;
  createdBy: string | null;
  /** Ready versions have their commit resolved and actions listed; new ones start `initializing`. */
  ready: boolean;
}

export function insertTemplateVersion(emu: Emulator, v: NewTemplateVersion): string {
  const id = emu.newId();
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO template_versions (id, template_id, version, description, git_rev, commit_sha, state, archived,
         has_mintmodel, actions, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      v.templateId,
      v.version,
      v.description,
      v.gitRev,
      v.ready ? fakeCommitSha(`${v.templateCode}:${v.gitRev}`) : null,
      v.ready ? 'ready' : 'initializing',
      v.ready ? 1 : 0,
      JSON.stringify(v.ready ? CATALOG_ACTIONS : []),
      v.createdBy,
      now,
      now,
    );
  return id;
}
