import { Text } from '@mantine/core';

export interface TreeFilterStatusProps {
  /** What the filter searched (see serverFilterStatus); null without a filter. */
  text: string | null;
}

/** The line under the filter box that says what was searched; always present, so it is announced. */
export function TreeFilterStatus({ text }: TreeFilterStatusProps) {
  return (
    <Text size="xs" c="dimmed" role="status" aria-live="polite">
      {text ?? ''}
    </Text>
  );
}
