import { Kbd, Table } from '@mantine/core';
import { Dialog } from '@/ui/dialog';

export const INBOX_SHORTCUTS: readonly [string, string][] = [
  ['j / k', 'Next / previous item'],
  ['x', 'Select or unselect the item (Shift-click selects a range)'],
  ['a', 'Approve the selected items, or the current one'],
  ['r', 'Reject (asks for the reason)'],
  ['c', 'Continue the selected items, or the current one'],
  ['Enter', 'Open the change or workflow run'],
  ['?', 'Show these shortcuts'],
];

export interface ShortcutsDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** The inbox's keyboard shortcuts; none fires while typing in a field. */
export function ShortcutsDialog({ opened, onClose }: ShortcutsDialogProps) {
  return (
    <Dialog opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INBOX_SHORTCUTS.map(([key, does]) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Kbd>{key}</Kbd>
              </Table.Td>
              <Table.Td>{does}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Dialog>
  );
}
