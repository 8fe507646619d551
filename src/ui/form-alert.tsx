import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

// Mantine's text colour for its light red variant: red-9 on red-1 in the light scheme, red-0 on dark red in
// the dark one (a fixed red-9 measured 2.8:1 there). Both pass 4.5:1 (axe).
const TITLE_COLOR = 'var(--mantine-color-red-light-color)';

export interface FormAlertProps {
  /** Why the form was not saved; nothing is shown when null. */
  message: string | null;
  title?: string;
}

/** A form-level error (record-level 422, permission, network) above the fields; the input is kept. */
export function FormAlert({ message, title = 'Not saved' }: FormAlertProps) {
  if (message === null) return null;
  return (
    <Alert
      color="red"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      style={{ whiteSpace: 'pre-line' }}
      styles={{ title: { color: TITLE_COLOR } }}
    >
      {message}
    </Alert>
  );
}
