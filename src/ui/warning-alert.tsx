import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface WarningAlertProps {
  title: string;
  children: ReactNode;
}

/** Something to heed before acting. The title uses the text colour: Mantine's yellow fails contrast (2.7:1). */
export function WarningAlert({ title, children }: WarningAlertProps) {
  return (
    <Alert
      color="yellow"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      {children}
    </Alert>
  );
}
