import { useCallback, useRef } from 'react';
import type { z } from 'zod';
import { toOneId } from '@contract/json-api';
import type { AnyNode } from '@/api/node-mutations';
import type { DocumentKind } from '@/api/properties';
import { DocumentPanel } from '@/features/documents/document-panel';
import { EffectiveSettingsSection } from '@/features/documents/effective-settings-section';
import { NodeSettingsForm } from '@/features/documents/node-settings-form';
import { useSettingsSchema } from '@/features/documents/use-settings-schema';
import { denial, deniedReason } from '@/lib/permissions';
import { propertiesJsonSchema } from '@/lib/properties-schema';
import type { documentTabSearchSchema } from './tab-search';
import { UnsavedEditsGuard } from '@/ui/unsaved-edits-guard';

export interface DocumentTabProps {
  node: AnyNode;
  kind: DocumentKind;
  search: z.infer<typeof documentTabSearchSchema>;
  onSearchChange: (patch: z.infer<typeof documentTabSearchSchema>) => void;
}

const LABELS: Record<DocumentKind, string> = { properties: 'Properties', settings: 'Settings' };

/** Null when the node lets the user read the document; only an explicit `read: false` denies. */
function readDenied(node: AnyNode, kind: DocumentKind): string | null {
  return node.meta.authorisations[kind]?.read === false
    ? deniedReason({ nodePath: node.path, facet: kind, permission: 'read', purpose: `see its ${kind}` })
    : null;
}

// One object for every properties editor: the editor registers its schema again when the object changes.
const PROPERTIES_SCHEMA = propertiesJsonSchema();

/** The properties or settings tab of any node: its document from the node's relationship. */
export function DocumentTab({ node, kind, search, onSearchChange }: DocumentTabProps) {
  const settingsSchema = useSettingsSchema(node.kind);
  const isDirty = useRef(false);
  const handleDirtyChange = useCallback((dirty: boolean) => {
    isDirty.current = dirty;
  }, []);
  return (
    <>
      <DocumentPanel
        kind={kind}
        documentId={toOneId(node.relationships[kind])}
        readDenied={readDenied(node, kind)}
        version={search.version}
        onVersionChange={(version) => {
          onSearchChange({ version });
        }}
        editing={{
          nodePath: node.path,
          label: `${LABELS[kind]} of ${node.name}`,
          mode: search.mode,
          onModeChange: (mode) => {
            onSearchChange({ mode, version: undefined });
          },
          onOpenVersion: (version) => {
            onSearchChange({ mode: undefined, version });
          },
          editDenied: denial(node.meta.authorisations, {
            nodePath: node.path,
            facet: kind,
            permission: 'update',
            purpose: `edit its ${kind}`,
          }),
          onDirtyChange: handleDirtyChange,
          ...(kind === 'settings'
            ? {
                jsonSchema: settingsSchema,
                renderForm: (form) => <NodeSettingsForm node={node} {...form} />,
              }
            : { jsonSchema: PROPERTIES_SCHEMA }),
        }}
      />
      {kind === 'settings' && search.mode === undefined ? <EffectiveSettingsSection node={node} /> : null}
      <UnsavedEditsGuard isDirty={isDirty} what={kind} />
    </>
  );
}
