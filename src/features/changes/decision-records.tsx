import { List, Text } from '@mantine/core';
import type { ApprovalRecord } from '@contract/change';

export interface DecisionRecordsProps {
  /** "Approved", "Rejected", "Continued". */
  verb: string;
  records: readonly ApprovalRecord[] | null;
}

/** "Approved by approver: As per CR 7", one line per decision; nothing when there is none. */
export function DecisionRecords({ verb, records }: DecisionRecordsProps) {
  if (records === null || records.length === 0) return null;
  return (
    <List size="sm" spacing={2} aria-label={`${verb} by`}>
      {records.map((record, index) => (
        // Records have no id; a person may decide twice, so the position keeps keys unique.
        <List.Item key={`${String(index)}-${record.username}`}>
          {verb} by{' '}
          <Text span fw={600} inherit>
            {record.username}
          </Text>
          {record.message === null || record.message === undefined || record.message === '' ? null : (
            <>
              :{' '}
              <Text span inherit fs="italic">
                {record.message}
              </Text>
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}
