import { ActionIcon, Box, Code, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export interface JsonViewProps {
  value: unknown;
  /** Names the block for assistive technology: "Properties version 3". */
  label: string;
  maxHeight?: number;
}

/** Read-only, formatted JSON with a copy button. */
export function JsonView({ value, label, maxHeight = 480 }: JsonViewProps) {
  const text = JSON.stringify(value, null, 2);
  return (
    <Box pos="relative">
      <Code
        block
        role="region"
        aria-label={label}
        tabIndex={0}
        style={{ maxHeight, overflow: 'auto', whiteSpace: 'pre' }}
      >
        {text}
      </Code>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy JSON'} withArrow>
            <ActionIcon
              variant="default"
              size="sm"
              pos="absolute"
              top={8}
              right={8}
              onClick={copy}
              aria-label={copied ? 'Copied' : `Copy ${label} as JSON`}
            >
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Box>
  );
}
