import { Breadcrumbs, Text } from '@mantine/core';
import { nodeLinkOptions } from '@/lib/node-links';
import { nodePath, type NodeRef } from '@/lib/node-path';
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
          // Keyed by path: names repeat (an environment and its asset may both be called "Production").
          crumb.node === undefined ? (
            <Text key="current-page" size="sm" aria-current="page">
              {crumb.label}
            </Text>
          ) : (
            <AnchorLink key={nodePath(crumb.node)} size="sm" {...nodeLinkOptions(crumb.node)}>
              {crumb.label}
            </AnchorLink>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
