import { Button, Kbd } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export interface SearchButtonProps {
  onOpen: () => void;
}

/** Opens global search; the shortcut is shown so keyboard users learn it. */
export function SearchButton({ onOpen }: SearchButtonProps) {
  return (
    <Button
      variant="default"
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={<Kbd size="xs">/</Kbd>}
      aria-keyshortcuts="/ Control+K Meta+K"
      onClick={onOpen}
    >
      Search
    </Button>
  );
}
