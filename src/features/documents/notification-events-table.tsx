import { Checkbox, MultiSelect, Stack, Table } from '@mantine/core';
import { getIn, type JsonRecord } from '@/lib/settings-document';
import {
  NOTIFICATION_MOMENTS,
  NOTIFICATION_SUBJECTS,
  type NotificationMoment,
  type NotificationSubject,
} from '@/lib/settings-schema';

const SUBJECT_LABELS: Record<NotificationSubject, string> = {
  change: 'Change',
  workflow_run: 'Workflow run',
};
const MOMENT_LABELS: Record<NotificationMoment, string> = {
  start: 'Start',
  success: 'Success',
  failure: 'Failure',
  all_events: 'All events',
};

export interface NotificationEventsTableProps {
  /** `notifications.events`. */
  events: JsonRecord;
  targetNames: readonly string[];
  readOnly: boolean;
  onChange: (path: readonly string[], value: unknown) => void;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** For change and workflow run events: whether to notify, and which targets. */
export function NotificationEventsTable({
  events,
  targetNames,
  readOnly,
  onChange,
}: NotificationEventsTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} fz="sm" aria-label="Notification events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Event</Table.Th>
            {NOTIFICATION_MOMENTS.map((moment) => (
              <Table.Th scope="col" key={moment}>
                {MOMENT_LABELS[moment]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {NOTIFICATION_SUBJECTS.map((subject) => (
            <Table.Tr key={subject}>
              <Table.Th scope="row">{SUBJECT_LABELS[subject]}</Table.Th>
              {NOTIFICATION_MOMENTS.map((moment) => {
                const where = `${SUBJECT_LABELS[subject]} ${MOMENT_LABELS[moment].toLowerCase()}`;
                const notifyTo = stringList(getIn(events, [subject, moment, 'notify_to']));
                // Names the document lists but no target defines stay visible (and removable).
                const choices = [...new Set([...targetNames, ...notifyTo])];
                return (
                  <Table.Td key={moment}>
                    <Stack gap={4}>
                      <Checkbox
                        label="Notify"
                        aria-label={`${where}: notify`}
                        checked={getIn(events, [subject, moment, 'notify']) === true}
                        disabled={readOnly}
                        onChange={(event) => {
                          onChange(
                            [subject, moment, 'notify'],
                            event.currentTarget.checked ? true : undefined,
                          );
                        }}
                      />
                      <MultiSelect
                        aria-label={`${where}: notify to`}
                        placeholder={choices.length === 0 ? 'No targets' : 'Targets'}
                        size="xs"
                        data={choices}
                        value={notifyTo}
                        readOnly={readOnly}
                        onChange={(next) => {
                          onChange([subject, moment, 'notify_to'], next.length === 0 ? undefined : next);
                        }}
                      />
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
