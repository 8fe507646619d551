import { Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ScheduleTiming } from '@/lib/cron';
import { CollisionWarning } from './collision-warning';
import { CronBuilder } from './cron-builder';
import { CronPreview } from './cron-preview';

export interface CronFieldProps {
  value: string;
  onChange: (expression: string) => void;
  /** The form's error for the field (its own check, or the server's 422). */
  error: string | null;
  /** Other schedules on the same target, for the near-collision warning. */
  others: readonly ScheduleTiming[];
  now: Date;
}

/** The schedule: a builder for the common cases, the expression itself, its words and next runs. */
export function CronField({ value, onChange, error, others, now }: CronFieldProps) {
  const [isCustom, setCustom] = useState(false);
  return (
    <Stack gap="xs">
      <CronBuilder expression={value} isCustom={isCustom} onCustomChange={setCustom} onChange={onChange} />
      <TextInput
        label="Cron expression (UTC)"
        description="5 fields: minute hour day-of-month month day-of-week; or 6 with seconds first. Times are UTC."
        required
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        value={value}
        error={error}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
      />
      <CronPreview expression={value} now={now} />
      <CollisionWarning expression={value} others={others} now={now} />
    </Stack>
  );
}
