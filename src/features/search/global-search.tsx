import { Badge, Code, Group, Loader, Text } from '@mantine/core';
import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { IconBox, IconFolder, IconRoute, IconSearch, IconServer2 } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import classes from './global-search.module.css';
import { highlightFirstHit } from './highlight-first-hit';
import { searchStore } from './search-store';
import type { SearchHit, SearchKind } from './search-model';
import { emptyMessage, searchStatus } from './search-status';
import { useNodeSearch } from './use-node-search';

const KIND_ICONS: Record<SearchKind, typeof IconFolder> = {
  project: IconFolder,
  environment: IconServer2,
  asset: IconBox,
  workflow: IconRoute,
};

export interface GlobalSearchProps {
  /** Go to what was chosen. */
  onOpen: (hit: SearchHit) => void;
}

/**
 * Search across projects, environments, assets and workflows. The shell opens it (`searchSpotlight.open()`, on
 * `/` or Ctrl/Cmd+K) and loads this module on first use, so Spotlight is not part of the first load.
 */
export function GlobalSearch({ onOpen }: GlobalSearchProps) {
  const [query, setQuery] = useState('');
  const { opened: isOpen } = useSpotlight(searchStore);
  const search = useNodeSearch(query, isOpen);
  const hasHits = search.groups.length > 0;
  // Whether an arrow key has moved the highlight since the query last changed.
  const hasMovedRef = useRef(false);

  // Results arrive after the query changed, project by project: Enter opens the first unless the user chose.
  useEffect(() => {
    if (isOpen) highlightFirstHit(searchStore, hasMovedRef.current);
  }, [isOpen, search.groups]);

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={(next) => {
        hasMovedRef.current = false;
        setQuery(next);
      }}
      store={searchStore}
      classNames={{ action: classes.action }}
      shortcut={null}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder="Search projects, environments, assets and workflows"
        aria-label="Search projects, environments, assets and workflows"
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={search.isSearching ? <Loader size="xs" aria-label="Searching" /> : null}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') hasMovedRef.current = true;
        }}
      />
      <Spotlight.ActionsList aria-label="Search results">
        {search.groups.map((group) => (
          <Spotlight.ActionsGroup key={group.kind} label={group.label}>
            {group.hits.map((hit) => {
              const Icon = KIND_ICONS[hit.kind];
              return (
                <Spotlight.Action
                  key={`${hit.kind}:${hit.id}`}
                  label={hit.name}
                  description={hit.context}
                  leftSection={<Icon size={18} aria-hidden />}
                  rightSection={
                    <Group gap={6} wrap="nowrap">
                      {hit.archived ? (
                        <Badge size="xs" color="gray" variant="outline">
                          archived
                        </Badge>
                      ) : null}
                      <Code>{hit.code}</Code>
                    </Group>
                  }
                  onClick={() => {
                    onOpen(hit);
                  }}
                />
              );
            })}
            {group.more > 0 ? (
              <Text size="xs" c="dimmed" px="md" py={4}>
                {group.more} more {group.label.toLocaleLowerCase()}: type more of the name to narrow them
                down.
              </Text>
            ) : null}
          </Spotlight.ActionsGroup>
        ))}
        {hasHits ? null : <Spotlight.Empty>{emptyMessage(search, search.term)}</Spotlight.Empty>}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed" aria-live="polite">
          {searchStatus(search)}
        </Text>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
