import { useQuery } from '@tanstack/react-query';
import { toOneId } from '@contract/json-api';
import type { AuthorisationFacet } from '@contract/node';
import { projectQuery } from '@/api/projects';
import type { AnyNode } from '@/api/node-mutations';
import { AssetTemplatePanel } from '@/features/asset-template/asset-template-panel';
import { ConvergedPropertiesPanel } from '@/features/asset-template/converged-properties-panel';
import { MintmodelsPanel } from '@/features/asset-template/mintmodels-panel';
import { DocumentPanel } from '@/features/documents/document-panel';
import { GitRemotesPanel } from '@/features/git-remotes/git-remotes-panel';
import { CreateAssetButton } from '@/features/nodes/create-asset-button';
import { CreateEnvironmentButton } from '@/features/nodes/create-environment-button';
import { AssetsList } from '@/features/nodes/assets-list';
import { EnvironmentsList } from '@/features/nodes/environments-list';
import { NodeOverview } from '@/features/nodes/node-overview';
import { TemplatesPanel } from '@/features/templates/templates-panel';
import type { AssetOwner, NodeRef } from '@/lib/node-path';
import type { NodeTab } from '@/lib/node-tabs';
import { deniedReason } from '@/lib/permissions';
import type { NodePageSearch } from './node-search';

export interface NodeTabPanelProps {
  tab: NodeTab;
  node: AnyNode;
  search: NodePageSearch;
  onSearchChange: (patch: Partial<NodePageSearch>) => void;
  onOpenNode: (ref: NodeRef) => void;
}

/** Null when the node lets the user read the facet; only an explicit `read: false` denies. */
function readDenied(node: AnyNode, facet: AuthorisationFacet, purpose: string): string | null {
  return node.meta.authorisations[facet]?.read === false
    ? deniedReason({ nodePath: node.path, facet, permission: 'read', purpose })
    : null;
}

/** Where assets created on this page live: the project or the environment itself. */
function ownerOf(node: AnyNode): AssetOwner {
  if (node.kind === 'project') return { projectCode: node.code };
  if (node.kind === 'environment') return { projectCode: node.projectCode, environmentCode: node.code };
  return node.owner;
}

/** The content of one tab, from the features that own it. */
export function NodeTabPanel({ tab, node, search, onSearchChange, onOpenNode }: NodeTabPanelProps) {
  const projectCode = ownerOf(node).projectCode;
  // Cached by the page's loader; an asset's version assignment checks the project's permissions.
  const project = useQuery({ ...projectQuery(projectCode), enabled: tab === 'template' });
  switch (tab) {
    case 'overview':
      return <NodeOverview node={node} />;
    case 'environments':
      return (
        <EnvironmentsList
          projectCode={projectCode}
          projectName={node.name}
          search={search}
          onSearchChange={onSearchChange}
          createAction={
            <CreateEnvironmentButton
              projectCode={projectCode}
              authorisations={node.meta.authorisations}
              onCreated={(environment) => {
                onOpenNode({ kind: 'environment', projectCode, environmentCode: environment.code });
              }}
            />
          }
        />
      );
    case 'assets': {
      const owner = ownerOf(node);
      return (
        <AssetsList
          owner={owner}
          ownerName={node.name}
          search={search}
          onSearchChange={onSearchChange}
          createAction={
            <CreateAssetButton
              owner={owner}
              authorisations={node.meta.authorisations}
              onCreated={(asset) => {
                onOpenNode({ kind: 'asset', ...owner, assetCode: asset.code });
              }}
            />
          }
        />
      );
    }
    case 'properties':
    case 'settings':
      return (
        <DocumentPanel
          key={tab}
          kind={tab}
          documentId={toOneId(node.relationships[tab])}
          readDenied={readDenied(node, tab, `see its ${tab}`)}
          version={search.version}
          onVersionChange={(version) => {
            onSearchChange({ version });
          }}
        />
      );
    case 'git-remotes':
      return (
        <GitRemotesPanel
          projectCode={projectCode}
          authorisations={node.meta.authorisations}
          search={search}
          onSearchChange={onSearchChange}
        />
      );
    case 'templates':
      return (
        <TemplatesPanel
          projectCode={projectCode}
          authorisations={node.meta.authorisations}
          search={search}
          selectedCode={search.template}
          onSearchChange={onSearchChange}
          onSelect={(template) => {
            onSearchChange({ template });
          }}
        />
      );
    case 'template':
      return node.kind === 'asset' ? (
        <AssetTemplatePanel asset={node} projectAuthorisations={project.data?.meta.authorisations} />
      ) : null;
    case 'converged-properties':
      return <ConvergedPropertiesPanel assetPath={node.path} />;
    case 'mintmodels':
      return node.kind === 'asset' ? (
        <MintmodelsPanel
          assetPath={node.path}
          isValid={node.mintmodel_valid}
          selectedId={search.mintmodel}
          onSelect={(mintmodel) => {
            onSearchChange({ mintmodel });
          }}
        />
      ) : null;
  }
}
