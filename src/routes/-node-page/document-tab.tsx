import { Stack } from '@mantine/core';
import type { z } from 'zod';
import { toOneId } from '@contract/json-api';
import type { AnyNode } from '@/api/node-mutations';
import type { DocumentKind } from '@/api/properties';
import { DocumentPanel } from '@/features/documents/document-panel';
import { EffectiveSettingsSection } from '@/features/documents/effective-settings-section';
import { deniedReason } from '@/lib/permissions';
import type { documentTabSearchSchema } from './tab-search';

export interface DocumentTabProps {
  node: AnyNode;
  kind: DocumentKind;
  search: z.infer<typeof documentTabSearchSchema>;
  onSearchChange: (patch: z.infer<typeof documentTabSearchSchema>) => void;
}

/** Null when the node lets the user read the document; only an explicit `read: false` denies. */
function readDenied(node: AnyNode, kind: DocumentKind): string | null {
  return node.meta.authorisations[kind]?.read === false
    ? deniedReason({ nodePath: node.path, facet: kind, permission: 'read', purpose: `see its ${kind}` })
    : null;
}

/** The properties or settings tab of any node: its document from the node's relationship. */
export function DocumentTab({ node, kind, search, onSearchChange }: DocumentTabProps) {
  const panel = (
    <DocumentPanel
      kind={kind}
      documentId={toOneId(node.relationships[kind])}
      readDenied={readDenied(node, kind)}
      version={search.version}
      onVersionChange={(version) => {
        onSearchChange({ version });
      }}
    />
  );
  if (kind !== 'settings') return panel;
  return (
    <Stack gap="xl">
      {panel}
      <EffectiveSettingsSection node={node} />
    </Stack>
  );
}
