import { Code, List, Text } from '@mantine/core';
import { useMemo } from 'react';
import { findSecretReferences } from '@/lib/properties-schema';

const SHOWN = 20;

/** The values of a properties document that reference the secret vault, listed under the JSON. */
export function SecretReferences({ document }: { document: unknown }) {
  const references = useMemo(() => findSecretReferences(document), [document]);
  if (references.length === 0) return null;
  const count = references.length;
  return (
    <section aria-label="Secret vault references">
      <Text size="sm">
        {count === 1 ? 'One value references' : `${String(count)} values reference`} the secret vault;
        OpsChain resolves {count === 1 ? 'it' : 'them'} when an action runs, and the secrets themselves are
        not stored here.
      </Text>
      <List size="sm" spacing={2}>
        {references.slice(0, SHOWN).map((reference) => (
          <List.Item key={reference.pointer}>
            <Code>{reference.pointer === '' ? '(the whole document)' : reference.pointer}</Code> →{' '}
            <Code>{reference.value}</Code>
          </List.Item>
        ))}
      </List>
      {count > SHOWN ? (
        <Text size="xs" c="dimmed">
          and {count - SHOWN} more
        </Text>
      ) : null}
    </section>
  );
}
