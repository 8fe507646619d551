import { Badge, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

// Outlined, in colours that keep 4.5:1 on light and dark backgrounds (axe, WCAG AA). Mantine's own green.9
// measures 4.4:1 on white, and its light variant with a fixed shade draws a solid bar that hides the label.
const TONE_COLORS = {
  positive: 'light-dark(#1e6b2f, var(--mantine-color-green-4))',
  neutral: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-gray-4))',
  info: 'light-dark(var(--mantine-color-blue-9), var(--mantine-color-blue-4))',
  warning: 'light-dark(#a3380b, var(--mantine-color-orange-4))',
  accent: 'light-dark(var(--mantine-color-grape-9), var(--mantine-color-grape-4))',
} as const;

export type StatusTone = keyof typeof TONE_COLORS;

export interface StatusBadgeProps {
  tone: StatusTone;
  children: ReactNode;
  size?: MantineSize;
  /** An icon before the text, so the state is not told by colour alone. */
  icon?: ReactNode;
}

/** A short state label (Active, Archived, ready) that keeps its full text in narrow table cells. */
export function StatusBadge({ tone, children, size = 'sm', icon }: StatusBadgeProps) {
  return (
    <Badge variant="outline" color={TONE_COLORS[tone]} size={size} miw="max-content" leftSection={icon}>
      {children}
    </Badge>
  );
}
