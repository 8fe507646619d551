import { linkOptions } from '@tanstack/react-router';
import type { AssetOwner, NodeRef } from './node-path';
import type { AssetTab, EnvironmentTab, ProjectTab } from './node-tabs';

// Typed router destinations for nodes, for links and `navigate` alike. The console's node URLs are the
// OpsChain paths themselves (`/projects/bank/environments/dev`).

export function nodeLinkOptions(ref: NodeRef) {
  switch (ref.kind) {
    case 'project':
      return linkOptions({ to: '/projects/$projectCode', params: { projectCode: ref.projectCode } });
    case 'environment':
      return linkOptions({
        to: '/projects/$projectCode/environments/$environmentCode',
        params: { projectCode: ref.projectCode, environmentCode: ref.environmentCode },
      });
    case 'asset':
      return ref.environmentCode === undefined
        ? linkOptions({
            to: '/projects/$projectCode/assets/$assetCode',
            params: { projectCode: ref.projectCode, assetCode: ref.assetCode },
          })
        : linkOptions({
            to: '/projects/$projectCode/environments/$environmentCode/assets/$assetCode',
            params: {
              projectCode: ref.projectCode,
              environmentCode: ref.environmentCode,
              assetCode: ref.assetCode,
            },
          });
  }
}

/** A tab of a project's page: the overview is the project's own address, every other tab a route below it. */
export function projectTabLinkOptions(projectCode: string, tab: ProjectTab) {
  const params = { projectCode };
  return tab === 'overview'
    ? linkOptions({ to: '/projects/$projectCode', params })
    : linkOptions({ to: `/projects/$projectCode/${tab}`, params });
}

/** A tab of an environment's page. */
export function environmentTabLinkOptions(projectCode: string, environmentCode: string, tab: EnvironmentTab) {
  const params = { projectCode, environmentCode };
  return tab === 'overview'
    ? linkOptions({ to: '/projects/$projectCode/environments/$environmentCode', params })
    : linkOptions({ to: `/projects/$projectCode/environments/$environmentCode/${tab}`, params });
}

/** A tab of an asset's page, whether its project or one of the project's environments owns it. */
export function assetTabLinkOptions(owner: AssetOwner, assetCode: string, tab: AssetTab) {
  const { projectCode, environmentCode } = owner;
  if (environmentCode === undefined) {
    const params = { projectCode, assetCode };
    return tab === 'overview'
      ? linkOptions({ to: '/projects/$projectCode/assets/$assetCode', params })
      : linkOptions({ to: `/projects/$projectCode/assets/$assetCode/${tab}`, params });
  }
  const params = { projectCode, environmentCode, assetCode };
  return tab === 'overview'
    ? linkOptions({ to: '/projects/$projectCode/environments/$environmentCode/assets/$assetCode', params })
    : linkOptions({
        to: `/projects/$projectCode/environments/$environmentCode/assets/$assetCode/${tab}`,
        params,
      });
}
