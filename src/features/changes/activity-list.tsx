import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import { activityCsvRequest, activityListQuery, type ActivityRow, type ActivityScope } from '@/api/activity';
import { exportCsv } from '@/api/downloads';
import { failureMessage } from '@/api/failures';
import { DownloadCsvButton } from '@/ui/download-csv-button';
import { ActivityFilterBar, CLEARED } from './activity-filter-bar';
import { isFiltered, toActivityFilters, type ActivitySearch } from './activity-search';
import { ActivityTable, type ActivityTableProps } from './activity-table';
import { useHeldRows, useIsScrolledPast } from './use-held-rows';

export interface ActivityListProps {
  /** Everything (the Activity page) or one node's changes (its Activity tab). */
  scope: ActivityScope;
  search: ActivitySearch;
  onSearchChange: (patch: Partial<ActivitySearch>) => void;
  /** Buttons beside the export (Run change, composed by the route). */
  actions?: ReactNode;
}

/** Rows drawn at first and added per "Show more": a table of 10,000 rows would take seconds to draw. */
export const ACTIVITY_PAGE_ROWS = 100;

/**
 * Rows in the first frame, a screenful: the rest of the first hundred follow in a render that yields to
 * input and paint (a hundred rows of links, badges and timestamps took a few hundred milliseconds). Below
 * the page's header and filters, 1920×1080 shows 15 rows, 1400×900 five (rows wrap), 1280×720 two.
 */
const FIRST_FRAME_ROWS = 15;

function sameRows(a: readonly ActivityRow[] | undefined, b: readonly ActivityRow[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

/**
 * The table re-renders only when its rows or state changed: each streamed batch (and each poll) makes a new
 * list, but the first hundred rows are usually the same ones.
 */
const MemoActivityTable = memo(
  ActivityTable,
  (prev: ActivityTableProps, next: ActivityTableProps) =>
    sameRows(prev.rows, next.rows) &&
    prev.unreadable === next.unreadable &&
    prev.failure === next.failure &&
    prev.onRetry === next.onRetry &&
    prev.isFetching === next.isFetching &&
    prev.isFiltered === next.isFiltered &&
    prev.onClearFilters === next.onClearFilters &&
    prev.emptyHint === next.emptyHint,
);

/**
 * Changes (and, on the global list, workflow runs), newest first, filtered on the server, kept live by polling
 * while the page is visible. New rows wait behind a "N new — show" cue while the reader is scrolled down.
 */
export function ActivityList({ scope, search, onSearchChange, actions }: ActivityListProps) {
  const filters = useMemo(() => toActivityFilters(search), [search]);
  return (
    <Stack gap="sm">
      <ActivityFilterBar search={search} onSearchChange={onSearchChange} isGlobal={scope === null} />
      <Group gap="sm" justify="flex-end">
        <DownloadCsvButton
          what="changes"
          fileName={activityCsvRequest(scope, filters).fileName}
          onExport={() => exportCsv(activityCsvRequest(scope, filters))}
          describeFailure={failureMessage}
        />
        {actions}
      </Group>
      {/* A new list per filter: its held rows and "show more" start afresh. */}
      <LiveActivity
        key={JSON.stringify(filters)}
        scope={scope}
        search={search}
        onClearFilters={() => {
          onSearchChange(CLEARED);
        }}
      />
    </Stack>
  );
}

interface LiveActivityProps {
  scope: ActivityScope;
  search: ActivitySearch;
  onClearFilters: () => void;
}

function LiveActivity({ scope, search, onClearFilters }: LiveActivityProps) {
  const query = useQuery(activityListQuery(scope, toActivityFilters(search)));
  const list = query.data;
  const top = useRef<HTMLDivElement>(null);
  const isScrolledDown = useIsScrolledPast(top);
  const held = useHeldRows(list?.rows, list?.complete === true, isScrolledDown);
  const [shown, setShown] = useState(ACTIVITY_PAGE_ROWS);
  // Until rows arrive the target stays a screenful, so the render that brings them (usually after the page
  // mounted: the first batch lands once the page has rendered) draws a screenful too, the rest yielding.
  const drawn = useDeferredValue(held.rows === undefined ? FIRST_FRAME_ROWS : shown, FIRST_FRAME_ROWS);
  const rows = held.rows?.slice(0, drawn);
  const total = held.rows?.length ?? 0;
  const { refetch } = query;
  const handleRetry = useCallback(() => void refetch(), [refetch]);

  return (
    <Stack gap="sm" aria-busy={list?.complete === false}>
      <div ref={top} />
      {held.heldCount > 0 ? (
        <Box pos="sticky" top={70} style={{ zIndex: 3 }}>
          <Button
            size="xs"
            radius="xl"
            onClick={() => {
              held.release();
              top.current?.scrollIntoView({ block: 'center' });
            }}
          >
            {held.heldCount} new — show
          </Button>
        </Box>
      ) : null}
      <Text size="xs" c="dimmed" aria-live="polite">
        {held.heldCount > 0
          ? `${String(held.heldCount)} new ${held.heldCount === 1 ? 'entry' : 'entries'} above`
          : list?.complete === true
            ? 'Live: new and updated changes appear as they happen.'
            : ''}
      </Text>
      {list?.runsFailure == null ? null : (
        <Alert color="orange" title="Workflow runs could not be loaded">
          {list.runsFailure} The changes below are complete.
        </Alert>
      )}
      <MemoActivityTable
        rows={rows}
        unreadable={list?.unreadable}
        failure={list === undefined && query.isError ? failureMessage(query.error) : null}
        onRetry={handleRetry}
        isFetching={query.isFetching}
        isFiltered={isFiltered(search)}
        onClearFilters={onClearFilters}
        emptyHint={
          scope === null
            ? 'Changes and workflow runs appear here once someone runs one.'
            : 'Changes on this node and below it appear here once someone runs one.'
        }
      />
      {rows !== undefined && total > rows.length ? (
        <Group gap="sm">
          <Text size="sm">
            Showing the newest {rows.length.toLocaleString()} of {total.toLocaleString()}.
          </Text>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setShown((count) => count + ACTIVITY_PAGE_ROWS);
            }}
          >
            Show {Math.min(ACTIVITY_PAGE_ROWS, total - rows.length)} more
          </Button>
        </Group>
      ) : null}
      {query.isError && list !== undefined ? (
        <Text size="sm" c="var(--mantine-color-error)" role="status">
          The list could not be refreshed: {failureMessage(query.error)}. It tries again shortly.
        </Text>
      ) : null}
    </Stack>
  );
}
