import { linkOptions } from '@tanstack/react-router';
import { assetTabLinkOptions, environmentTabLinkOptions, projectTabLinkOptions } from '@/lib/node-links';
import type { NodeRef } from '@/lib/node-path';

/** The Schedules tab of a node's page. */
export function scheduleTabLink(ref: NodeRef) {
  switch (ref.kind) {
    case 'project':
      return projectTabLinkOptions(ref.projectCode, 'schedules');
    case 'environment':
      return environmentTabLinkOptions(ref.projectCode, ref.environmentCode, 'schedules');
    case 'asset':
      return assetTabLinkOptions(ref, ref.assetCode, 'schedules');
  }
}

/** The page of the workflow a scheduled workflow runs. */
export function workflowLink(projectCode: string, workflowCode: string) {
  return linkOptions({
    to: '/projects/$projectCode/workflows/$workflowCode',
    params: { projectCode, workflowCode },
  });
}
