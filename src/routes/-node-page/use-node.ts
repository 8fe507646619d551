import { useSuspenseQuery } from '@tanstack/react-query';
import { assetQuery, type Asset } from '@/api/assets';
import { environmentQuery, type Environment } from '@/api/environments';
import { projectQuery, type Project } from '@/api/projects';
import type { AssetOwner } from '@/lib/node-path';

// The node of a node page, for its layout and tab routes. Their loaders have it in the cache; reading it
// through the query (not the loader's data) keeps the page current after an edit, archive or refresh.

export function useProjectNode(params: { projectCode: string }): Project {
  return useSuspenseQuery(projectQuery(params.projectCode)).data;
}

export function useEnvironmentNode(params: { projectCode: string; environmentCode: string }): Environment {
  return useSuspenseQuery(environmentQuery(params.projectCode, params.environmentCode)).data;
}

/** An asset's route parameters: with `environmentCode` below an environment, without it below a project. */
export interface AssetParams extends AssetOwner {
  assetCode: string;
}

export function assetOwner({ projectCode, environmentCode }: AssetParams): AssetOwner {
  return { projectCode, environmentCode };
}

export function useAssetNode(params: AssetParams): Asset {
  return useSuspenseQuery(assetQuery(assetOwner(params), params.assetCode)).data;
}
