import { useQuery } from '@tanstack/react-query';
import { toOneId } from '@contract/json-api';
import { environmentQuery } from '@/api/environments';
import { isApiError } from '@/api/errors';
import type { AnyNode } from '@/api/node-mutations';
import { projectQuery } from '@/api/projects';
import { documentQuery } from '@/api/properties';
import type { SettingsLayer } from '@/lib/effective-settings';

export type ParentSettings =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'success'; layers: SettingsLayer[] };

type ParentNode = { kind: 'project' | 'environment' } & Pick<AnyNode, 'name' | 'meta' | 'relationships'>;

/** A parent's settings: fetched when the user may read them; a 403 counts as "could not be read". */
function useParentLayer(parent: ParentNode | undefined, isWanted: boolean) {
  const settingsId = parent === undefined ? null : toOneId(parent.relationships.settings);
  const isReadable = parent?.meta.authorisations.settings?.read !== false;
  const settings = useQuery({
    ...documentQuery('settings', settingsId ?? ''),
    enabled: isWanted && settingsId !== null && isReadable,
  });
  if (!isWanted) return null;
  if (parent === undefined) return { status: 'pending' as const };
  const layer = (data: SettingsLayer['data']): SettingsLayer => ({
    level: parent.kind,
    label: parent.name,
    data,
  });
  if (settingsId === null || !isReadable) return { status: 'success' as const, layer: layer(null) };
  if (settings.isPending) return { status: 'pending' as const };
  if (settings.isError) {
    return isApiError(settings.error, 403) || isApiError(settings.error, 404)
      ? { status: 'success' as const, layer: layer(null) }
      : { status: 'error' as const, error: settings.error, retry: () => void settings.refetch() };
  }
  return { status: 'success' as const, layer: layer(settings.data.data) };
}

/**
 * The settings of a node's parents, project first: what an environment or asset inherits (domain §6.3).
 * Empty for a project. The parents' nodes come from the cache the node page's loaders filled.
 */
export function useParentSettings(node: AnyNode): ParentSettings {
  const projectCode =
    node.kind === 'environment' ? node.projectCode : node.kind === 'asset' ? node.owner.projectCode : '';
  const environmentCode = node.kind === 'asset' ? node.owner.environmentCode : undefined;
  const project = useQuery({ ...projectQuery(projectCode), enabled: node.kind !== 'project' });
  const environment = useQuery({
    ...environmentQuery(projectCode, environmentCode ?? ''),
    enabled: environmentCode !== undefined,
  });
  const projectLayer = useParentLayer(project.data, node.kind !== 'project');
  const environmentLayer = useParentLayer(environment.data, environmentCode !== undefined);

  const nodeFailure = [project, environment].find((query) => query.isError);
  if (nodeFailure !== undefined)
    return { status: 'error', error: nodeFailure.error, retry: () => void nodeFailure.refetch() };
  const parts = [projectLayer, environmentLayer].filter((part) => part !== null);
  const failure = parts.find((part) => part.status === 'error');
  if (failure !== undefined) return failure;
  const layers = parts.flatMap((part) => (part.status === 'success' ? [part.layer] : []));
  return layers.length === parts.length ? { status: 'success', layers } : { status: 'pending' };
}
