import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export interface ApiLinkProps {
  /** The node's API path, `/api/projects/bank` (its `links.self`). */
  href: string;
}

/** The node's API URL, shown and copyable (the full URL, for curl or the CLI). */
export function ApiLink({ href }: ApiLinkProps) {
  const absolute = new URL(href, window.location.origin).toString();
  return (
    // The group carries the name: on the code element itself a name would hide the visible path from
    // speech input (WCAG 2.5.3, label in name), and ARIA does not allow naming a code element.
    <Group gap={4} wrap="nowrap" role="group" aria-label="API link">
      <Code>{href}</Code>
      <CopyButton value={absolute}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy API URL'} withArrow>
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={copy}
              aria-label={copied ? 'API URL copied' : 'Copy API URL'}
            >
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
