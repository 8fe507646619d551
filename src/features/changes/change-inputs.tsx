import { Accordion, Stack, Text } from '@mantine/core';
import type { Change } from '@/api/changes';
import { JsonView } from '@/ui/json-view';
import { DecisionRecords } from './decision-records';

export interface ChangeInputsProps {
  change: Change;
}

/** "1 key", "3 keys". */
function keyCount(value: object): string {
  const count = Object.keys(value).length;
  return count === 1 ? '1 key' : `${String(count)} keys`;
}

/** The change's metadata, property overrides and the approvals it has had. */
export function ChangeInputs({ change }: ChangeInputsProps) {
  const hasApprovals = (change.approved_by?.length ?? 0) > 0 || (change.rejected_by?.length ?? 0) > 0;
  return (
    <Stack gap="xs">
      {change.requires_approval_from === null && !hasApprovals ? null : (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Approvals
          </Text>
          {change.requires_approval_from === null ? null : (
            <Text size="sm">Requires approval from {change.requires_approval_from}</Text>
          )}
          <DecisionRecords verb="Approved" records={change.approved_by} />
          <DecisionRecords verb="Rejected" records={change.rejected_by} />
          {hasApprovals ? null : (
            <Text size="sm" c="dimmed">
              No decision yet
            </Text>
          )}
        </Stack>
      )}
      <Accordion variant="contained" multiple>
        <Accordion.Item value="metadata">
          <Accordion.Control>Metadata ({keyCount(change.metadata)})</Accordion.Control>
          <Accordion.Panel>
            <JsonView value={change.metadata} label="Metadata" maxHeight={240} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="overrides">
          <Accordion.Control>Property overrides ({keyCount(change.property_overrides)})</Accordion.Control>
          <Accordion.Panel>
            <JsonView value={change.property_overrides} label="Property overrides" maxHeight={240} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
