import { Group, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClock,
  IconHandStop,
  IconLoader2,
  IconPlayerPause,
  IconQuestionMark,
  IconUserCheck,
  type Icon,
} from '@tabler/icons-react';
import { StatusBadge, type StatusTone } from '@/ui/status-badge';

// A change's or step's status as icon + words (never colour alone).

interface StatusLook {
  label: string;
  tone: StatusTone;
  icon: Icon;
}

const LOOKS: Record<string, StatusLook> = {
  initializing: { label: 'Initializing', tone: 'neutral', icon: IconCircleDashed },
  pending: { label: 'Pending', tone: 'neutral', icon: IconClock },
  queued: { label: 'Queued', tone: 'neutral', icon: IconClock },
  running: { label: 'Running', tone: 'info', icon: IconLoader2 },
  waiting: { label: 'Waiting', tone: 'accent', icon: IconPlayerPause },
  waiting_for_approval: { label: 'Waiting for approval', tone: 'accent', icon: IconHandStop },
  success: { label: 'Success', tone: 'positive', icon: IconCircleCheck },
  error: { label: 'Error', tone: 'warning', icon: IconCircleX },
  cancelled: { label: 'Cancelled', tone: 'neutral', icon: IconBan },
  aborted: { label: 'Aborted', tone: 'neutral', icon: IconAlertTriangle },
  rejected: { label: 'Rejected', tone: 'warning', icon: IconCircleX },
  approved: { label: 'Approved', tone: 'positive', icon: IconUserCheck },
  continued: { label: 'Continued', tone: 'positive', icon: IconUserCheck },
};

/** How a status looks; an unknown status shows as written. */
export function statusLook(status: string): StatusLook {
  return LOOKS[status] ?? { label: status.replaceAll('_', ' '), tone: 'neutral', icon: IconQuestionMark };
}

export interface ActivityStatusProps {
  status: string;
  size?: 'sm' | 'md' | 'lg';
}

/** The status as a badge with its icon. */
export function ActivityStatus({ status, size = 'sm' }: ActivityStatusProps) {
  const look = statusLook(status);
  const StatusIcon = look.icon;
  return (
    <StatusBadge tone={look.tone} size={size}>
      <Group gap={4} wrap="nowrap" component="span">
        <StatusIcon size={size === 'sm' ? 12 : 16} aria-hidden />
        <Text span inherit>
          {look.label}
        </Text>
      </Group>
    </StatusBadge>
  );
}
