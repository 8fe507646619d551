import { Button, Group, Stack, Text } from '@mantine/core';
import type { DocumentKind } from '@/api/properties';
import { Dialog } from '@/ui/dialog';

export interface OverwriteDialogProps {
  opened: boolean;
  kind: DocumentKind;
  /** The version the overwrite replaces. */
  version: number;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Confirms saving the edit over someone else's version without merging, naming that version. */
export function OverwriteDialog({ opened, kind, version, onCancel, onConfirm }: OverwriteDialogProps) {
  return (
    <Dialog opened={opened} onClose={onCancel} title={`Overwrite version ${String(version)}?`}>
      <Stack>
        <Text size="sm">
          Your edit replaces the {kind} as a whole. The changes saved in version {version} that conflict with
          yours, and every other change made there, are lost unless you merge instead.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep merging
          </Button>
          <Button color="red" onClick={onConfirm}>
            Overwrite version {version}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
