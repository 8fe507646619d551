import { Button, Group, Stack, Text } from '@mantine/core';
import type { DocumentKind } from '@/api/properties';
import { Dialog } from '@/ui/dialog';

export interface ReplaceDraftDialogProps {
  kind: DocumentKind;
  /** The version about to be restored; the dialog is closed when null. */
  version: number | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before a restore replaces the unsaved edits the tab holds. */
export function ReplaceDraftDialog({ kind, version, onCancel, onConfirm }: ReplaceDraftDialogProps) {
  return (
    <Dialog opened={version !== null} onClose={onCancel} title="Replace your unsaved edits?">
      <Stack>
        <Text size="sm">
          This tab holds unsaved edits of the {kind}. Restoring version {version} replaces them.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep my edits
          </Button>
          <Button color="red" onClick={onConfirm}>
            Replace them
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
