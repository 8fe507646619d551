import { Alert, Button, Fieldset, Stack, Text } from '@mantine/core';
import { isJsonRecord, renameNotificationTarget, setIn, type JsonRecord } from '@/lib/settings-document';
import { settingDescriptions } from '@/lib/settings-schema';
import { NotificationEventsTable } from './notification-events-table';
import { NotificationTargetRow } from './notification-target-row';

export interface NotificationsFieldsetProps {
  /** This document's `notifications` value (undefined when it has none). */
  value: unknown;
  readOnly: boolean;
  onChange: (next: unknown) => void;
}

function freeTargetName(targets: JsonRecord): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? 'new_target' : `new_target_${String(n)}`;
    if (!Object.hasOwn(targets, name)) return name;
  }
}

/** The notifications block: named targets with their URLs, and which events notify them. */
export function NotificationsFieldset({ value, readOnly, onChange }: NotificationsFieldsetProps) {
  if (value !== undefined && value !== null && !isJsonRecord(value)) {
    return (
      <Alert color="yellow" title="Notifications are not an object">
        This document&apos;s notifications value is not a JSON object; correct it in the JSON view.
      </Alert>
    );
  }
  const block: JsonRecord = isJsonRecord(value) ? value : {};
  const targets = isJsonRecord(block.targets) ? block.targets : {};
  const events = isJsonRecord(block.events) ? block.events : {};
  const update = (path: readonly string[], next: unknown) => {
    onChange(setIn(block, path, next, { prune: path[0] === 'events' }));
  };

  return (
    <Fieldset legend="Notifications">
      <Stack gap="md">
        <Text size="sm">{settingDescriptions.notifications}</Text>
        {value === null ? (
          <Text size="sm">This document sets notifications to null: none, whatever the parents set.</Text>
        ) : null}
        <Stack gap="sm" role="group" aria-label="Notification targets">
          {Object.keys(targets).length === 0 ? (
            <Text size="sm" c="dimmed">
              No targets here.
            </Text>
          ) : null}
          {Object.entries(targets).map(([name, urls]) => (
            <NotificationTargetRow
              key={name}
              name={name}
              urls={urls}
              readOnly={readOnly}
              onRename={(next) => {
                const renamed = renameNotificationTarget(block, name, next);
                if (renamed === null) return false;
                onChange(renamed);
                return true;
              }}
              onUrlsChange={(next) => {
                update(['targets', name], next);
              }}
              onRemove={() => {
                update(['targets', name], undefined);
              }}
            />
          ))}
          {readOnly ? null : (
            <Button
              variant="default"
              size="xs"
              w="fit-content"
              onClick={() => {
                update(['targets', freeTargetName(targets)], []);
              }}
            >
              Add target
            </Button>
          )}
        </Stack>
        <NotificationEventsTable
          events={events}
          targetNames={Object.keys(targets)}
          readOnly={readOnly}
          onChange={(path, next) => {
            update(['events', ...path], next);
          }}
        />
      </Stack>
    </Fieldset>
  );
}
