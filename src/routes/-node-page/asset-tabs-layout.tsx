import { Outlet } from '@tanstack/react-router';
import { AssetPage } from '@/features/nodes/asset-page';
import { assetTabLinkOptions } from '@/lib/node-links';
import { ASSET_TABS, NODE_TAB_LABELS, tabsOf } from '@/lib/node-tabs';
import { RunChangeButton } from '@/features/changes/run-change-button';
import { useOpenChange } from '@/routes/-activity/use-open-change';
import { TabLink } from '@/ui/tab-link';
import { NodeTabs } from './node-tabs';
import { useActiveTab } from './use-active-tab';
import { assetOwner, useAssetNode, type AssetParams } from './use-node';

/**
 * An asset's page, below its project or its environment (both routes render this): heading and actions,
 * the tabs its meta flags allow, and the open tab's route.
 */
export function AssetTabsLayout({ params }: { params: AssetParams }) {
  const asset = useAssetNode(params);
  const openChange = useOpenChange();
  const owner = assetOwner(params);
  return (
    <AssetPage
      owner={owner}
      assetCode={params.assetCode}
      extraActions={<RunChangeButton node={asset} onCreated={openChange} />}
    >
      <NodeTabs
        nodePath={asset.path}
        active={useActiveTab(asset.path)}
        tabs={tabsOf(ASSET_TABS, asset.meta).map((tab) => (
          <TabLink key={tab} value={tab} {...assetTabLinkOptions(owner, params.assetCode, tab)}>
            {NODE_TAB_LABELS[tab]}
          </TabLink>
        ))}
      >
        <Outlet />
      </NodeTabs>
    </AssetPage>
  );
}
