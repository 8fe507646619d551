import { Button, Kbd } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';

/** Opens global search; the shortcut is shown so keyboard users learn it. */
export function SearchButton() {
  return (
    <Button
      variant="default"
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={<Kbd size="xs">/</Kbd>}
      aria-keyshortcuts="/ Control+K Meta+K"
      onClick={() => {
        spotlight.open();
      }}
    >
      Search
    </Button>
  );
}
