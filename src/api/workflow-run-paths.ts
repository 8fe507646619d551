import { projectPath } from '@/lib/node-path';

// Where a workflow's runs live in the API, apart from the run module's schemas: the boot requests
// (`src/app/boot-requests.ts`) ask for a run page's run before the rest of the app's code has run.

export interface WorkflowRunRef {
  projectCode: string;
  workflowCode: string;
}

export const runsPath = ({ projectCode, workflowCode }: WorkflowRunRef) =>
  `${projectPath(projectCode)}/workflows/${encodeURIComponent(workflowCode)}/runs`;

/** One run: what the run page reads first, and polls. */
export const workflowRunPath = (ref: WorkflowRunRef, runId: string) =>
  `${runsPath(ref)}/${encodeURIComponent(runId)}`;
