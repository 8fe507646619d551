import { Button, Code, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { convergedOrigins, type OriginLayer } from '@/lib/converged-origins';

// Large documents have thousands of keys; the first rows render at once, the rest on request.
const FIRST_ROWS = 300;
const VALUE_PREVIEW = 80;

export interface ConvergedOriginsTableProps {
  /** Lowest precedence first, as merged. */
  layers: readonly OriginLayer[];
}

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > VALUE_PREVIEW ? `${text.slice(0, VALUE_PREVIEW - 1)}…` : text;
}

/** Every key of the converged properties with the layer that supplied it and the layers it replaced. */
export function ConvergedOriginsTable({ layers }: ConvergedOriginsTableProps) {
  const rows = useMemo(() => convergedOrigins(layers), [layers]);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  const name = (index: number) => layers[index]?.label ?? `Layer ${String(index + 1)}`;

  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No layer sets any key.
      </Text>
    );
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing={4} fz="sm" aria-label="Where each key comes from">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Key</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Supplied by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.pointer}>
                <Table.Th
                  scope="row"
                  fw="normal"
                  style={{ paddingInlineStart: `${String(row.path.length * 0.75)}rem` }}
                >
                  <Code>{row.path.join('.')}</Code>
                </Table.Th>
                <Table.Td>
                  {row.isObject ? (
                    <Text span size="sm" c="dimmed">
                      object
                    </Text>
                  ) : (
                    <Code style={{ wordBreak: 'break-all' }}>{preview(row.value)}</Code>
                  )}
                </Table.Td>
                <Table.Td>
                  {row.isObject && row.suppliedBy.length > 1 ? 'Merged from ' : null}
                  {row.suppliedBy.map(name).join(', ')}
                  {row.replaced.length > 0 ? (
                    <Text span size="xs" c="dimmed" display="block">
                      replaces {row.replaced.map(name).join(', ')}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > shown.length ? (
        <Button
          variant="default"
          size="xs"
          w="fit-content"
          onClick={() => {
            setShowAll(true);
          }}
        >
          Show all {rows.length} keys
        </Button>
      ) : null}
    </Stack>
  );
}
