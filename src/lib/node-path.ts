// OpsChain paths of projects, environments and assets (domain §2.1): the tree's node ids, the console's
// URLs (`/projects/bank/environments/dev`) and, with `/api` in front, the API's.

export type NodeKind = 'project' | 'environment' | 'asset';

/** Where an asset lives: its project, and its environment when the environment owns it. */
export interface AssetOwner {
  projectCode: string;
  environmentCode?: string | undefined;
}

export type NodeRef =
  | { kind: 'project'; projectCode: string }
  | { kind: 'environment'; projectCode: string; environmentCode: string }
  | { kind: 'asset'; projectCode: string; environmentCode?: string | undefined; assetCode: string };

const enc = encodeURIComponent;

export function projectPath(projectCode: string): string {
  return `/projects/${enc(projectCode)}`;
}

export function environmentPath(projectCode: string, environmentCode: string): string {
  return `${projectPath(projectCode)}/environments/${enc(environmentCode)}`;
}

export function ownerPath(owner: AssetOwner): string {
  return owner.environmentCode === undefined
    ? projectPath(owner.projectCode)
    : environmentPath(owner.projectCode, owner.environmentCode);
}

export function assetPath(owner: AssetOwner, assetCode: string): string {
  return `${ownerPath(owner)}/assets/${enc(assetCode)}`;
}

export function nodePath(ref: NodeRef): string {
  switch (ref.kind) {
    case 'project':
      return projectPath(ref.projectCode);
    case 'environment':
      return environmentPath(ref.projectCode, ref.environmentCode);
    case 'asset':
      return assetPath(ref, ref.assetCode);
  }
}

function decode(segment: string): string | null {
  try {
    const value = decodeURIComponent(segment);
    return value === '' ? null : value;
  } catch {
    return null;
  }
}

/** Reads a node path back; null for anything that is not exactly one of the four node forms. */
export function parseNodePath(path: string): NodeRef | null {
  const segments = path.split('/');
  if (segments[0] !== '' || segments[1] !== 'projects' || segments.length % 2 === 0) return null;
  // Codes sit at odd positions after `projects`, collection names between them.
  const codes = segments.filter((_, index) => index >= 2 && index % 2 === 0).map(decode);
  const collections = segments.filter((_, index) => index >= 3 && index % 2 === 1);
  if (codes.some((code) => code === null)) return null;
  const [projectCode, secondCode, thirdCode] = codes;
  const shape = collections.join('/');
  if (projectCode === null || projectCode === undefined) return null;
  if (shape === '' && codes.length === 1) return { kind: 'project', projectCode };
  if (shape === 'environments' && secondCode)
    return { kind: 'environment', projectCode, environmentCode: secondCode };
  if (shape === 'assets' && secondCode) return { kind: 'asset', projectCode, assetCode: secondCode };
  if (shape === 'environments/assets' && secondCode && thirdCode) {
    return { kind: 'asset', projectCode, environmentCode: secondCode, assetCode: thirdCode };
  }
  return null;
}

/** A workflow's OpsChain path (`/projects/bank/workflows/soa_release`) as codes; null for any other path. */
export function parseWorkflowPath(path: string): { projectCode: string; workflowCode: string } | null {
  const [empty, projects, project, workflows, workflow, ...rest] = path.split('/');
  if (empty !== '' || projects !== 'projects' || workflows !== 'workflows' || rest.length > 0) return null;
  const projectCode = decode(project ?? '');
  const workflowCode = decode(workflow ?? '');
  return projectCode === null || workflowCode === null ? null : { projectCode, workflowCode };
}

/** The paths of a node's ancestors, outermost first: `/projects/p`, `/projects/p/environments/e`. */
export function ancestorPaths(ref: NodeRef): string[] {
  switch (ref.kind) {
    case 'project':
      return [];
    case 'environment':
      return [projectPath(ref.projectCode)];
    case 'asset':
      return ref.environmentCode === undefined
        ? [projectPath(ref.projectCode)]
        : [projectPath(ref.projectCode), environmentPath(ref.projectCode, ref.environmentCode)];
  }
}
