import type { NodeAuthorisations } from '@contract/node';
import type { Asset } from '@/api/assets';
import type { Environment } from '@/api/environments';
import type { Project } from '@/api/projects';
import type { NodeRef } from '@/lib/node-path';

/** The node a Schedules tab belongs to, as the schedules screens need it. */
export interface ScheduleTarget {
  ref: NodeRef;
  path: string;
  name: string;
  projectCode: string;
  authorisations: NodeAuthorisations;
  archived: boolean;
  /** Changes can run here (not on a Standard project). */
  canHaveChanges: boolean;
  /** Workflows can be scheduled here: an Enterprise project. */
  canHaveWorkflows: boolean;
  /** An asset's actions, to pick from; null elsewhere (the Git revision decides which exist). */
  assetActions: string[] | null;
}

export function scheduleTargetOf(node: Project | Environment | Asset): ScheduleTarget {
  const common = {
    path: node.path,
    name: node.name,
    authorisations: node.meta.authorisations,
    archived: node.archived,
    canHaveChanges: node.meta.can_have_changes,
  };
  switch (node.kind) {
    case 'project':
      return {
        ...common,
        ref: { kind: 'project', projectCode: node.code },
        projectCode: node.code,
        canHaveWorkflows: node.meta.can_have_workflows,
        assetActions: null,
      };
    case 'environment':
      return {
        ...common,
        ref: { kind: 'environment', projectCode: node.projectCode, environmentCode: node.code },
        projectCode: node.projectCode,
        canHaveWorkflows: false,
        assetActions: null,
      };
    case 'asset':
      return {
        ...common,
        ref: { kind: 'asset', ...node.owner, assetCode: node.code },
        projectCode: node.owner.projectCode,
        canHaveWorkflows: false,
        assetActions: node.actions.flatMap((action) => (action.name === undefined ? [] : [action.name])),
      };
  }
}
