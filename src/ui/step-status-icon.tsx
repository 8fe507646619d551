import {
  IconBan,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleMinus,
  IconCircleX,
  IconClock,
  IconHelpCircle,
  IconLoader2,
  IconPlayerPause,
  IconPlayerPlay,
  IconThumbDown,
  IconThumbUp,
  IconUserQuestion,
  type Icon,
} from '@tabler/icons-react';
import { isActivityStatus, statusGroup, type StatusGroup } from '@/lib/step-tree';
import type { ActivityStatus } from '@contract/change';

const ICONS: Record<ActivityStatus, Icon> = {
  initializing: IconCircleDashed,
  pending: IconClock,
  queued: IconClock,
  running: IconLoader2,
  waiting: IconPlayerPause,
  waiting_for_approval: IconUserQuestion,
  success: IconCircleCheck,
  error: IconCircleX,
  cancelled: IconBan,
  aborted: IconCircleMinus,
  approved: IconThumbUp,
  continued: IconPlayerPlay,
  rejected: IconThumbDown,
};

/**
 * Text colours per status group, 4.5:1 or better on the light and dark surfaces (the icon always comes
 * with the status in words: colour is never the only signal).
 */
export const STATUS_GROUP_COLORS: Record<StatusGroup, string> = {
  failed: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))',
  waiting: 'light-dark(#a3380b, var(--mantine-color-orange-4))',
  running: 'light-dark(var(--mantine-color-blue-9), var(--mantine-color-blue-4))',
  pending: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-gray-4))',
  success: 'light-dark(#1e6b2f, var(--mantine-color-green-4))',
  stopped: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-gray-4))',
  unknown: 'light-dark(var(--mantine-color-grape-9), var(--mantine-color-grape-4))',
};

export interface StepStatusIconProps {
  status: string;
  /** @default 16 */
  size?: number;
}

/** The status's icon in its colour; decorative: put the status in words next to it. */
export function StepStatusIcon({ status, size = 16 }: StepStatusIconProps) {
  const StatusIcon = isActivityStatus(status) ? ICONS[status] : IconHelpCircle;
  return (
    <StatusIcon
      size={size}
      stroke={2}
      aria-hidden="true"
      style={{ color: STATUS_GROUP_COLORS[statusGroup(status)], flex: 'none' }}
    />
  );
}
