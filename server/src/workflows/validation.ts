/**
 * What a workflow's steps refer to (domain §9.2): change steps need an asset the caller can see (and, when
 * named, a template version of its template); workflow steps need another workflow (never the workflow being
 * saved: a workflow may not include itself — indirect loops are caught when a run nests too deep).
 *
 * Change steps only target assets: the step format has no Git remote or revision, which changes on projects
 * and environments require (domain §7.1), while an asset's template version supplies both.
 */
import type { Authorizer } from '@contract/authz.ts';
import type { Emulator } from '../context.ts';
import { findNodeByPath, isEnterprise } from '../nodes.ts';
import type { ChangeStepDef, Problem, StepDef, WorkflowStepDef } from './definitions.ts';
import { isStage, walkSteps, WORKFLOW_TARGET } from './definitions.ts';
import { findVersion, findWorkflow } from './store.ts';

export interface ReferenceContext {
  emu: Emulator;
  authz: Authorizer;
  /** OpsChain path of the workflow being saved (`/projects/bank/workflows/release`). */
  selfPath: string;
}

export function referenceProblems(ctx: ReferenceContext, steps: readonly StepDef[]): Problem[] {
  const problems: Problem[] = [];
  walkSteps(steps, (step, field) => {
    if (isStage(step)) return;
    if (step.type === 'change') problems.push(...changeProblems(ctx, step, field));
    if (step.type === 'workflow') problems.push(...workflowProblems(ctx, step, field));
  });
  return problems;
}

function changeProblems(ctx: ReferenceContext, step: ChangeStepDef, field: string): Problem[] {
  if (step.target === '') return [];
  const node = findNodeByPath(ctx.emu, step.target);
  if (!node || !ctx.authz.canRead(node.path)) {
    return [{ field: `${field}/target`, title: `Target "${step.target}" does not exist` }];
  }
  if (node.kind !== 'asset') {
    return [
      {
        field: `${field}/target`,
        title: `Target "${step.target}" is not an asset: workflow change steps run asset actions`,
      },
    ];
  }
  const version = step.template_version;
  if (version === undefined || version === null || version.trim() === '') return [];
  const tv = ctx.emu
    .sql('SELECT archived FROM template_versions WHERE template_id = ? AND version = ?')
    .get(node.template_id, version) as { archived: number } | undefined;
  if (!tv) {
    return [
      {
        field: `${field}/template_version`,
        title: `Template version "${version}" does not exist for the template of ${step.target}`,
      },
    ];
  }
  if (tv.archived === 1)
    return [{ field: `${field}/template_version`, title: `Template version "${version}" is archived` }];
  return [];
}

function workflowProblems(ctx: ReferenceContext, step: WorkflowStepDef, field: string): Problem[] {
  if (step.target === '') return [];
  const pointer = `${field}/target`;
  const match = WORKFLOW_TARGET.exec(step.target);
  if (!match) {
    return [
      {
        field: pointer,
        title: 'Target must be a workflow path, e.g. /projects/<project_code>/workflows/<workflow_code>',
      },
    ];
  }
  if (step.target === ctx.selfPath) return [{ field: pointer, title: 'A workflow cannot include itself' }];
  const [, projectCode = '', code = ''] = match;
  const project = findNodeByPath(ctx.emu, `/projects/${projectCode}`);
  const workflow =
    project && ctx.authz.canRead(project.path) && isEnterprise(ctx.emu, project)
      ? findWorkflow(ctx.emu, project.id, code)
      : undefined;
  if (!workflow) return [{ field: pointer, title: `Workflow "${step.target}" does not exist` }];
  if (workflow.archived === 1) return [{ field: pointer, title: `Workflow "${step.target}" is archived` }];
  if (step.version === undefined || step.version === null) return [];
  const version = findVersion(ctx.emu, workflow.id, step.version);
  const versionField = `${field}/version`;
  if (!version)
    return [
      { field: versionField, title: `Version ${String(step.version)} of "${step.target}" does not exist` },
    ];
  if (version.draft === 1)
    return [{ field: versionField, title: `Version ${String(step.version)} of "${step.target}" is a draft` }];
  if (version.archived === 1)
    return [
      { field: versionField, title: `Version ${String(step.version)} of "${step.target}" is archived` },
    ];
  return [];
}
