import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

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
      styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
    >
      {message}
    </Alert>
  );
}
