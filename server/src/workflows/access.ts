/**
 * Who may see and do what with workflows, runs and their steps (domain §5.3), and the project checks every
 * workflow endpoint starts with.
 */
import type { FastifyRequest } from 'fastify';
import type { Authorizer } from '@contract/authz.ts';
import { callerOf, type Emulator } from '../context.ts';
import { ApiHttpError } from '../errors.ts';
import { recordEvent, redactSecrets } from '../events.ts';
import { isPlainObject } from '../jsonapi.ts';
import { resolveNode, type NodeRow } from '../nodes.ts';

/** The 422 every workflow endpoint answers on a Standard project (spec examples: no code, no pointer). */
export function unsupportedProjectType(): ApiHttpError {
  return new ApiHttpError(422, [
    {
      status: 422,
      title: 'Unsupported project type',
      detail: '"Standard" projects do not support workflows',
    },
  ]);
}

/** The project of a workflow route: 404 when missing or unreadable, then 422 when it is a Standard project. */
export function resolveWorkflowProject(emu: Emulator, authz: Authorizer, projectCode: string): NodeRow {
  const project = resolveNode(emu, authz, `/projects/${projectCode}`, 'project');
  if (project.project_type !== 'Enterprise') throw unsupportedProjectType();
  return project;
}

export const canReadWorkflows = (authz: Authorizer, projectPath: string): boolean =>
  authz.may(projectPath, '/workflows', 'read');
export const canUpdateWorkflows = (authz: Authorizer, projectPath: string): boolean =>
  authz.may(projectPath, '/workflows', 'update');
export const canReadRuns = (authz: Authorizer, projectPath: string): boolean =>
  authz.may(projectPath, '/workflow_runs', 'read');
/** Starting and cancelling runs, and acting on their steps (continue, approve, reject, skip_on_retry). */
export const canExecuteRuns = (authz: Authorizer, projectPath: string): boolean =>
  authz.may(projectPath, '/workflow_runs', 'execute');

/**
 * A system event for an API call whose event type is only known once the request is read (a scheduled
 * change or workflow; a workflow save that only validates records nothing). Same payload as the events the
 * app records from a route's `config.event`.
 */
export function recordApiEvent(
  emu: Emulator,
  req: FastifyRequest,
  type: string,
  source: { type: string; id: string; path: string | null } | null,
): void {
  const params = isPlainObject(req.params) ? req.params : {};
  const body = req.body;
  const requestBody =
    isPlainObject(body) && isPlainObject(body.data) && isPlainObject(body.data.attributes)
      ? body.data.attributes
      : {};
  const parentCode = ['asset_code', 'environment_code', 'project_code']
    .map((k) => params[k])
    .find((v): v is string => typeof v === 'string');
  recordEvent(emu, {
    type,
    username: callerOf(req).principal.username,
    system: true,
    payload: {
      url_params: params,
      request_body: redactSecrets(requestBody),
      ...(parentCode ? { parent_code: parentCode } : {}),
    },
    source,
  });
}
