import type { AuthorisationFacet, NodeAuthorisations } from '@contract/node';

// The caller's permissions from a node's `meta.authorisations` (domain §5.4), and the sentence a disabled
// control shows to say why it is disabled. Facet `self` is the node itself; any other facet is the
// collection below it (`/projects/bank/environments`).

export type Permission = 'read' | 'update' | 'execute';

/** What a control needs: a permission on a facet of the node at `nodePath`. */
export interface Requirement {
  nodePath: string;
  facet: AuthorisationFacet;
  permission: Permission;
  /** What the control does, completing "You need … permission on … to ": `rename it`, `add bookmarks`. */
  purpose: string;
}

/** Whether the facet grants the permission. A facet or key the server left out grants nothing. */
export function allows(
  authorisations: NodeAuthorisations,
  facet: AuthorisationFacet,
  permission: Permission,
): boolean {
  return authorisations[facet]?.[permission] === true;
}

/** The OpsChain path a facet's permission is checked on: the node itself for `self`. */
export function facetPath(nodePath: string, facet: AuthorisationFacet): string {
  return facet === 'self' ? nodePath : `${nodePath}/${facet}`;
}

/** "You need update permission on /projects/bank to rename it". */
export function deniedReason({ nodePath, facet, permission, purpose }: Requirement): string {
  return `You need ${permission} permission on ${facetPath(nodePath, facet)} to ${purpose}`;
}

/** Null when allowed, else the reason the action is not available. */
export function denial(authorisations: NodeAuthorisations, requirement: Requirement): string | null {
  return allows(authorisations, requirement.facet, requirement.permission) ? null : deniedReason(requirement);
}
