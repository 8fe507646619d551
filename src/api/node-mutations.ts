import { useMutation } from '@tanstack/react-query';
import type { Asset } from './assets';
import { useUpdateAsset } from './assets';
import type { Environment } from './environments';
import { useUpdateEnvironment } from './environments';
import type { Project } from './projects';
import { useUpdateProject } from './projects';

// One way to edit, archive or restore any node, whatever its kind: the node page header does not care
// whether it shows a project, an environment or an asset.

export type AnyNode = Project | Environment | Asset;

export interface NodeChanges {
  name?: string;
  description?: string;
  archived?: boolean;
}

export interface UpdateNodeInput {
  node: AnyNode;
  changes: NodeChanges;
}

/** PATCHes the node (name, description, archived) and refreshes what depends on it. */
export function useUpdateNode() {
  const project = useUpdateProject();
  const environment = useUpdateEnvironment();
  const asset = useUpdateAsset();
  return useMutation({
    mutationFn: ({ node, changes }: UpdateNodeInput): Promise<AnyNode> => {
      switch (node.kind) {
        case 'project':
          return project.mutateAsync({ code: node.code, changes });
        case 'environment':
          return environment.mutateAsync({ projectCode: node.projectCode, code: node.code, changes });
        case 'asset':
          return asset.mutateAsync({ owner: node.owner, code: node.code, changes });
      }
    },
  });
}
