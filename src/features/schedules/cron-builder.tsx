import { Checkbox, Group, NumberInput, Select, Stack } from '@mantine/core';
import {
  cronToPlan,
  planToCron,
  WEEKDAY_NAMES,
  WEEKDAYS,
  type CronPlan,
  type CronPlanKind,
  type Weekday,
} from '@/lib/cron';

export type BuilderMode = CronPlanKind | 'custom';

const MODE_LABELS: Record<BuilderMode, string> = {
  'every-minute': 'Every minute',
  hourly: 'Every hour, at a minute',
  daily: 'Every day, at a time',
  weekly: 'Every week, on days at a time',
  custom: 'Custom expression',
};
const MODES: readonly BuilderMode[] = ['every-minute', 'hourly', 'daily', 'weekly', 'custom'];

export interface CronBuilderProps {
  expression: string;
  /** "Custom expression" was chosen although the expression is a common case. */
  isCustom: boolean;
  onCustomChange: (isCustom: boolean) => void;
  onChange: (expression: string) => void;
}

interface Time {
  hour: number;
  minute: number;
}

function timeOf(plan: CronPlan | null): Time {
  if (plan === null || plan.kind === 'every-minute') return { hour: 2, minute: 0 };
  if (plan.kind === 'hourly') return { hour: 2, minute: plan.minute };
  return { hour: plan.hour, minute: plan.minute };
}

function planFor(mode: CronPlanKind, time: Time, days: readonly Weekday[]): CronPlan {
  switch (mode) {
    case 'every-minute':
      return { kind: 'every-minute' };
    case 'hourly':
      return { kind: 'hourly', minute: time.minute };
    case 'daily':
      return { kind: 'daily', ...time };
    case 'weekly':
      return { kind: 'weekly', days: days.length === 0 ? [1] : days, ...time };
  }
}

function clamp(value: string | number, max: number): number {
  const number = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isNaN(number) ? 0 : Math.min(max, Math.max(0, Math.trunc(number)));
}

/**
 * The common cases as fields: every minute, hourly at a minute, daily at a time, weekly on days at a time
 * (all UTC). It reads the expression it writes, so the expression field stays the one source.
 */
export function CronBuilder({ expression, isCustom, onCustomChange, onChange }: CronBuilderProps) {
  const plan = cronToPlan(expression);
  const mode: BuilderMode = isCustom || plan === null ? 'custom' : plan.kind;
  const time = timeOf(plan);
  const days = plan?.kind === 'weekly' ? plan.days : [];
  const write = (next: CronPlan) => {
    onChange(planToCron(next));
  };
  const handleMode = (value: string | null) => {
    const next = MODES.find((candidate) => candidate === value);
    if (next === undefined) return;
    if (next === 'custom') {
      onCustomChange(true);
      return;
    }
    onCustomChange(false);
    write(planFor(next, time, days));
  };
  return (
    <Stack gap="xs">
      <Select
        label="Schedule pattern"
        data={MODES.map((value) => ({ value, label: MODE_LABELS[value] }))}
        value={mode}
        onChange={handleMode}
        allowDeselect={false}
        w={280}
      />
      {mode === 'hourly' || mode === 'daily' || mode === 'weekly' ? (
        <Group gap="sm" align="flex-end">
          {mode === 'hourly' ? null : (
            <NumberInput
              label="Hour (UTC)"
              min={0}
              max={23}
              value={time.hour}
              onChange={(value) => {
                write(planFor(mode, { ...time, hour: clamp(value, 23) }, days));
              }}
              w={110}
            />
          )}
          <NumberInput
            label="Minute"
            min={0}
            max={59}
            value={time.minute}
            onChange={(value) => {
              write(planFor(mode, { ...time, minute: clamp(value, 59) }, days));
            }}
            w={110}
          />
        </Group>
      ) : null}
      {mode === 'weekly' ? (
        <Checkbox.Group
          label="On"
          value={days.map(String)}
          onChange={(values) => {
            const picked = WEEKDAYS.filter((day) => values.includes(String(day)));
            // At least one day: a week with none is not a weekly schedule.
            if (picked.length > 0) write(planFor('weekly', time, picked));
          }}
        >
          <Group gap="sm" mt={4}>
            {WEEKDAYS.map((day) => (
              <Checkbox
                key={day}
                value={String(day)}
                label={WEEKDAY_NAMES[day].slice(0, 3)}
                aria-label={WEEKDAY_NAMES[day]}
              />
            ))}
          </Group>
        </Checkbox.Group>
      ) : null}
    </Stack>
  );
}
