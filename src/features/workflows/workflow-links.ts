import { linkOptions } from '@tanstack/react-router';

// Addresses of a workflow's page and of its runs' pages.

export function workflowLinkOptions(projectCode: string, workflowCode: string) {
  return linkOptions({
    to: '/projects/$projectCode/workflows/$workflowCode',
    params: { projectCode, workflowCode },
  });
}

export function workflowRunLinkOptions(projectCode: string, workflowCode: string, runId: string) {
  return linkOptions({
    to: '/projects/$projectCode/workflows/$workflowCode/runs/$runId',
    params: { projectCode, workflowCode, runId },
  });
}
