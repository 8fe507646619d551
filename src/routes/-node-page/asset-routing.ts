import type { QueryClient } from '@tanstack/react-query';
import { redirect, type ParsedLocation } from '@tanstack/react-router';
import { assetQuery, type Asset } from '@/api/assets';
import { assetTabLinkOptions } from '@/lib/node-links';
import { assetPath } from '@/lib/node-path';
import { ASSET_TABS } from '@/lib/node-tabs';
import { ensureNode } from '@/routes/-loaders';
import { follow, isTabShown, legacyTabTarget } from './tab-routing';
import { assetOwner, type AssetParams } from './use-node';

// The two asset routes (below a project, below an environment) share their page; these are their
// beforeLoad and loader.

/** beforeLoad: an old `?tab=` link goes to the tab's route, with the rest of its search. */
export function redirectLegacyAssetTab(location: ParsedLocation, params: AssetParams): void {
  const owner = assetOwner(params);
  const legacy = legacyTabTarget(location, assetPath(owner, params.assetCode), ASSET_TABS);
  if (legacy === null) return;
  const target = assetTabLinkOptions(owner, params.assetCode, legacy.tab);
  follow(redirect({ ...target, search: legacy.search, replace: true }));
}

/** loader: the asset (a 404 shows the route's not-found page); a tab it lacks goes to the overview. */
export async function loadAssetPage(
  queryClient: QueryClient,
  location: ParsedLocation,
  params: AssetParams,
): Promise<Asset> {
  const owner = assetOwner(params);
  const asset = await ensureNode(queryClient, assetQuery(owner, params.assetCode));
  if (!isTabShown(ASSET_TABS, asset, location.pathname)) {
    follow(redirect({ ...assetTabLinkOptions(owner, params.assetCode, 'overview'), replace: true }));
  }
  return asset;
}
