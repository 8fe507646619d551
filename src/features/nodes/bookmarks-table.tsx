import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Bookmark } from '@/api/bookmarks';
import type { DeniableAction } from '@/lib/server-denials';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import { isWebUrl } from '@/lib/web-url';
import { GuardedButton } from '@/ui/guarded-button';

export interface BookmarksTableProps {
  bookmarks: readonly Bookmark[];
  /** Why the user may not edit or delete bookmarks; null when they may. */
  changeDenied: string | null;
  /** Changing bookmarks, as the server may refuse it (403): then Edit and Delete say so. */
  deniable: DeniableAction;
  onEdit: (bookmark: Bookmark) => void;
  onDelete: (bookmark: Bookmark) => void;
}

/** Bookmarks with their links (opened in a new tab, http and https only) and row actions. */
export function BookmarksTable({ bookmarks, changeDenied, deniable, onEdit, onDelete }: BookmarksTableProps) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label="Bookmarks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bookmark</Table.Th>
            <Table.Th>Added by</Table.Th>
            <Table.Th>
              <Text span size="sm" fw={700}>
                Actions
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bookmarks.map((bookmark) => (
            <Table.Tr key={bookmark.id}>
              <Table.Td>
                <Stack gap={0}>
                  {isWebUrl(bookmark.url) ? (
                    <Anchor href={bookmark.url} target="_blank" rel="noopener noreferrer" size="sm">
                      <Group gap={4} wrap="nowrap" component="span">
                        {bookmark.description}
                        <IconExternalLink size={14} aria-label="(opens in a new tab)" />
                      </Group>
                    </Anchor>
                  ) : (
                    <Text size="sm">{bookmark.description}</Text>
                  )}
                  {/* A user name or token pasted into the address is not shown (the link still uses it). */}
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {maskUrlCredentials(bookmark.url)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{bookmark.created_by}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <GuardedButton
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPencil size={12} aria-hidden />}
                    deniedReason={changeDenied}
                    deniable={deniable}
                    onClick={() => {
                      onEdit(bookmark);
                    }}
                    aria-label={`Edit bookmark ${bookmark.description}`}
                  >
                    Edit
                  </GuardedButton>
                  <GuardedButton
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={12} aria-hidden />}
                    deniedReason={changeDenied}
                    deniable={deniable}
                    onClick={() => {
                      onDelete(bookmark);
                    }}
                    aria-label={`Delete bookmark ${bookmark.description}`}
                  >
                    Delete
                  </GuardedButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
