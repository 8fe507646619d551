import { Button, Group, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent } from 'react';
import { statusGroup, type StepTreeNode } from '@/lib/step-tree';
import { nextFailed, nextStep, nextWaiting, type StepTreeIndex } from '@/lib/step-tree-nav';
import { GuardedButton } from './guarded-button';

// Finding steps in a big tree: by name, or the next failed / waiting one after the selection (wrapping
// round). Each jump selects the step, expands what hides it and brings it into view.

export interface StepGraphToolbarProps {
  index: StepTreeIndex;
  selectedId: string | undefined;
  query: string;
  onQueryChange: (query: string) => void;
  matchCount: number;
  onReveal: (id: string) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

export function StepGraphToolbar({
  index,
  selectedId,
  query,
  onQueryChange,
  matchCount,
  onReveal,
  onExpandAll,
  onCollapseAll,
}: StepGraphToolbarProps) {
  const failedCount = index.order.filter((step) => statusGroup(step.status) === 'failed').length;
  const waitingCount = index.order.filter((step) => statusGroup(step.status) === 'waiting').length;
  const needle = query.trim().toLocaleLowerCase();
  const isMatch = (step: StepTreeNode) =>
    step.name.toLocaleLowerCase().includes(needle) ||
    (step.detail?.toLocaleLowerCase().includes(needle) ?? false);

  const reveal = (step: StepTreeNode | undefined) => {
    if (step !== undefined) onReveal(step.id);
  };
  const handleFindNext = () => {
    if (needle !== '') reveal(nextStep(index, selectedId, isMatch));
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    handleFindNext();
  };

  return (
    <Group gap="xs" align="flex-end" mb="xs" wrap="wrap">
      <TextInput
        label="Find a step"
        placeholder="Name or action"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={query}
        onChange={(event) => {
          onQueryChange(event.currentTarget.value);
        }}
        onKeyDown={handleKeyDown}
        description={needle === '' ? 'Enter jumps to the next match' : `${String(matchCount)} matching`}
        w={260}
      />
      <Button variant="default" onClick={handleFindNext} disabled={needle === '' || matchCount === 0}>
        Find next
      </Button>
      <GuardedButton
        variant="default"
        deniedReason={failedCount === 0 ? 'No step has failed' : null}
        onClick={() => {
          reveal(nextFailed(index, selectedId));
        }}
      >
        Next failed ({failedCount})
      </GuardedButton>
      <GuardedButton
        variant="default"
        deniedReason={waitingCount === 0 ? 'No step is waiting' : null}
        onClick={() => {
          reveal(nextWaiting(index, selectedId));
        }}
      >
        Next waiting ({waitingCount})
      </GuardedButton>
      <Button variant="subtle" onClick={onExpandAll}>
        Expand all
      </Button>
      <Button variant="subtle" onClick={onCollapseAll}>
        Collapse all
      </Button>
      <Text size="xs" c="dimmed" aria-live="polite">
        {String(index.order.length)} steps
      </Text>
    </Group>
  );
}
