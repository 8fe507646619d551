import { Breadcrumbs, Text } from '@mantine/core';
import { nodeLinkOptions } from '@/lib/node-links';
import type { NodeRef } from '@/lib/node-path';
import { AnchorLink } from '@/ui/router-links';

export interface Crumb {
  label: string;
  /** The node a crumb leads to; the last crumb (the page itself) has none. */
  node?: NodeRef;
}

export interface NodeBreadcrumbsProps {
  crumbs: readonly Crumb[];
}

/** Projects › project › environment › asset, each a link but the current page. */
export function NodeBreadcrumbs({ crumbs }: NodeBreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumbs">
      <Breadcrumbs separatorMargin={6} styles={{ root: { flexWrap: 'wrap' } }}>
        <AnchorLink to="/projects" size="sm">
          Projects
        </AnchorLink>
        {crumbs.map((crumb) =>
          crumb.node === undefined ? (
            <Text key={crumb.label} size="sm" aria-current="page">
              {crumb.label}
            </Text>
          ) : (
            <AnchorLink key={crumb.label} size="sm" {...nodeLinkOptions(crumb.node)}>
              {crumb.label}
            </AnchorLink>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
