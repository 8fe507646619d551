import type {
  AssetSummaryResource,
  EnvironmentSummaryResource,
  NodeSummaryMeta,
  ProjectSummaryResource,
  ProjectType,
} from '@contract/node';
import { assetPath, environmentPath, projectPath, type AssetOwner, type NodeKind } from '@/lib/node-path';

/** A node as navigation (tree, search) needs it: names, flags, and where it lives. */
export interface NodeSummary {
  kind: NodeKind;
  id: string;
  code: string;
  name: string;
  description: string | null;
  archived: boolean;
  /** The OpsChain path, which is also the console URL: `/projects/bank/environments/dev`. */
  path: string;
  projectCode: string;
  /** Set on environments and on assets an environment owns. */
  environmentCode?: string;
  /** Set on projects. */
  projectType?: ProjectType;
  meta: NodeSummaryMeta;
}

export function projectSummary(resource: ProjectSummaryResource): NodeSummary {
  const { code, name, description, archived, project_type } = resource.attributes;
  return {
    kind: 'project',
    id: resource.id,
    code,
    name,
    description,
    archived,
    path: projectPath(code),
    projectCode: code,
    projectType: project_type,
    meta: resource.meta,
  };
}

export function environmentSummary(projectCode: string, resource: EnvironmentSummaryResource): NodeSummary {
  const { code, name, description, archived } = resource.attributes;
  return {
    kind: 'environment',
    id: resource.id,
    code,
    name,
    description,
    archived,
    path: environmentPath(projectCode, code),
    projectCode,
    environmentCode: code,
    meta: resource.meta,
  };
}

export function assetSummary(owner: AssetOwner, resource: AssetSummaryResource): NodeSummary {
  const { code, name, description, archived } = resource.attributes;
  return {
    kind: 'asset',
    id: resource.id,
    code,
    name,
    description,
    archived,
    path: assetPath(owner, code),
    projectCode: owner.projectCode,
    ...(owner.environmentCode === undefined ? {} : { environmentCode: owner.environmentCode }),
    meta: resource.meta,
  };
}
