import { Button, Group, Stack, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import type { RefObject } from 'react';
import { Dialog } from '@/ui/dialog';

export interface UnsavedEditsGuardProps {
  /** Whether an editor on the page holds unsaved edits, read when the user tries to leave. */
  isDirty: RefObject<boolean>;
  /** What is being edited: "properties". */
  what: string;
}

/**
 * Asks before leaving a page with unsaved edits: navigation inside the console (router blocker) and
 * closing or reloading the tab (the browser's own `beforeunload` prompt). The draft stays in the tab.
 */
export function UnsavedEditsGuard({ isDirty, what }: UnsavedEditsGuardProps) {
  const blocker = useBlocker({
    shouldBlockFn: () => isDirty.current,
    enableBeforeUnload: () => isDirty.current,
    withResolver: true,
  });
  return (
    <Dialog
      opened={blocker.status === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
    >
      <Stack>
        <Text size="sm">
          Your edits to the {what} are not saved. This tab keeps them as a draft, so you can come back to them
          until you discard them or close the tab.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            Stay
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Leave
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
