import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';

// Mantine's text colour for its light red variant: red-9 on red-1 in the light scheme, red-0 on dark red in
// the dark one (a fixed red-9 measured 2.8:1 there). Both pass 4.5:1 (axe).
const TITLE_COLOR = 'var(--mantine-color-red-light-color)';

export interface ErrorStateProps {
  /** What failed, e.g. "The environments could not be loaded". */
  title: string;
  /** What happened and what to do next. */
  message: string;
  /** Offered as a Retry button when given. */
  onRetry?: (() => void) | undefined;
  isRetrying?: boolean;
}

/** A failed load, said plainly, with a way to try again. */
export function ErrorState({ title, message, onRetry, isRetrying = false }: ErrorStateProps) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      styles={{ title: { color: TITLE_COLOR } }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {message}
        </Text>
        {onRetry === undefined ? null : (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onRetry}
            loading={isRetrying}
          >
            Retry
          </Button>
        )}
      </Group>
    </Alert>
  );
}
