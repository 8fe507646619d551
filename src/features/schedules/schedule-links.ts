import {
  assetTabLinkOptions,
  environmentTabLinkOptions,
  nodeLinkOptions,
  projectTabLinkOptions,
} from '@/lib/node-links';
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

/**
 * Where a scheduled workflow's workflow is shown. The console has no workflow page yet, so this is the
 * project's page; point it at `/projects/$projectCode/workflows/$workflowCode` once that route exists.
 */
export function workflowLink(projectCode: string) {
  return nodeLinkOptions({ kind: 'project', projectCode });
}
