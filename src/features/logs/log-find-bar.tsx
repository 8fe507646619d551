import { ActionIcon, Checkbox, Group, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import type { KeyboardEvent, Ref } from 'react';

export interface LogFindBarProps {
  query: string;
  isCaseSensitive: boolean;
  isRegex: boolean;
  /** Why the query cannot run (a bad regular expression), or null. */
  error: string | null;
  /** Matches found, and the 0-based current one (-1 before moving). */
  count: number;
  current: number;
  /** Lines searched (all loaded lines, or a step's). */
  searchedLines: number;
  isLoadComplete: boolean;
  inputRef: Ref<HTMLInputElement>;
  onQueryChange: (query: string) => void;
  onCaseSensitiveChange: (value: boolean) => void;
  onRegexChange: (value: boolean) => void;
  onStep: (direction: 1 | -1) => void;
}

/** Find in the log: Enter goes to the next match, Shift+Enter to the previous one. */
export function LogFindBar({ inputRef, ...props }: LogFindBarProps) {
  const { count, current, error } = props;
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    props.onStep(event.shiftKey ? -1 : 1);
  };
  const scope = props.isLoadComplete
    ? `Searches all ${props.searchedLines.toLocaleString()} lines in this pane.`
    : `Searches the ${props.searchedLines.toLocaleString()} lines loaded so far, and new lines as they arrive.`;
  const summary =
    props.query === '' || error !== null
      ? ''
      : count === 0
        ? 'No matches'
        : `${current < 0 ? '–' : (current + 1).toLocaleString()} of ${count.toLocaleString()} matches`;
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <TextInput
        ref={inputRef}
        label="Find in log"
        description={scope}
        placeholder="Text to find (press /)"
        size="xs"
        value={props.query}
        error={error}
        onChange={(event) => {
          props.onQueryChange(event.currentTarget.value);
        }}
        onKeyDown={handleKeyDown}
        style={{ flex: '1 1 16rem' }}
      />
      <Group gap={6} mt={22} wrap="nowrap">
        <ActionIcon
          variant="default"
          size="md"
          aria-label="Previous match"
          disabled={count === 0}
          onClick={() => {
            props.onStep(-1);
          }}
        >
          <IconChevronUp size={16} />
        </ActionIcon>
        <ActionIcon
          variant="default"
          size="md"
          aria-label="Next match"
          disabled={count === 0}
          onClick={() => {
            props.onStep(1);
          }}
        >
          <IconChevronDown size={16} />
        </ActionIcon>
        <Text size="xs" role="status" aria-live="polite" miw="9rem">
          {summary}
        </Text>
      </Group>
      <Group gap="sm" mt={26} wrap="nowrap">
        <Checkbox
          size="xs"
          label="Match case"
          checked={props.isCaseSensitive}
          onChange={(e) => {
            props.onCaseSensitiveChange(e.currentTarget.checked);
          }}
        />
        <Checkbox
          size="xs"
          label="Regular expression"
          checked={props.isRegex}
          onChange={(e) => {
            props.onRegexChange(e.currentTarget.checked);
          }}
        />
      </Group>
    </Group>
  );
}
