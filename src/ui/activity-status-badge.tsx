import {
  IconBan,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockPause,
  IconHandStop,
  IconLoader2,
  IconPlayerSkipForward,
  IconProgress,
  IconQuestionMark,
  IconUserCheck,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { StatusBadge, type StatusTone } from './status-badge';

// The status of a change, step or workflow run with an icon and words, never colour alone. `status_code` is
// a free string on the wire (domain §7.3): an unknown value shows as itself, neutral.

interface StatusLook {
  label: string;
  tone: StatusTone;
  Icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
}

const LOOKS: Readonly<Record<string, StatusLook>> = {
  initializing: { label: 'Initializing', tone: 'neutral', Icon: IconCircleDashed },
  pending: { label: 'Pending', tone: 'neutral', Icon: IconCircleDashed },
  queued: { label: 'Queued', tone: 'neutral', Icon: IconProgress },
  running: { label: 'Running', tone: 'info', Icon: IconLoader2 },
  waiting: { label: 'Waiting', tone: 'warning', Icon: IconClockPause },
  waiting_for_approval: { label: 'Waiting for approval', tone: 'warning', Icon: IconHandStop },
  success: { label: 'Success', tone: 'positive', Icon: IconCircleCheck },
  error: { label: 'Error', tone: 'warning', Icon: IconCircleX },
  cancelled: { label: 'Cancelled', tone: 'neutral', Icon: IconBan },
  aborted: { label: 'Aborted', tone: 'neutral', Icon: IconPlayerSkipForward },
  approved: { label: 'Approved', tone: 'positive', Icon: IconUserCheck },
  continued: { label: 'Continued', tone: 'positive', Icon: IconCircleCheck },
  rejected: { label: 'Rejected', tone: 'warning', Icon: IconCircleX },
};

/** "Waiting for approval" for `waiting_for_approval`; an unknown code as sent. */
export function activityStatusLabel(status: string): string {
  return LOOKS[status]?.label ?? status;
}

export interface ActivityStatusBadgeProps {
  /** `status_code` as the API sends it. */
  status: string;
  size?: 'sm' | 'md' | 'lg';
}

/** A change's, step's or run's status: icon and text in a tone that keeps contrast in both schemes. */
export function ActivityStatusBadge({ status, size = 'sm' }: ActivityStatusBadgeProps) {
  const look = LOOKS[status] ?? { label: status, tone: 'neutral', Icon: IconQuestionMark };
  const { Icon } = look;
  return (
    <StatusBadge tone={look.tone} size={size} icon={<Icon size={size === 'sm' ? 12 : 16} aria-hidden />}>
      {look.label}
    </StatusBadge>
  );
}
