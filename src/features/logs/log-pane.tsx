import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { downloadLog } from '@/api/log-lines';
import { parseLineHash, formatLineHash, selectLine, type LineRange } from '@/lib/log-line-link';
import { LOG_TIME_MODES } from '@/lib/log-time';
import { saveBlob } from '@/lib/save-blob';
import { usePreference } from '@/lib/use-preference';
import { notifyFailure, notifySuccess } from '@/ui/notify';
import { LogFindBar } from './log-find-bar';
import classes from './log-pane.module.css';
import { LogStatus } from './log-status';
import { LogToolbar } from './log-toolbar';
import { LogViewport, type LogViewportHandle } from './log-viewport';
import { useLogFeed } from './use-log-feed';
import { useLogSearch } from './use-log-search';
import { useFollow } from './use-follow';

export interface LogPaneProps {
  changeId: string;
  /** Only this step's own lines. */
  stepId?: string | undefined;
  /** The change is still running: follow new lines until it ends. */
  isLive: boolean;
  /** The line link in the address (`L12`, `L12-L40`, without '#'), when this pane owns it. */
  lineHash?: string | undefined;
  onLineHashChange?: ((hash: string) => void) | undefined;
  /** The pane's accessible name (a page may show two logs). @default 'Log' */
  label?: string | undefined;
  /** Step names by id, for the step filter (ids are shown for steps it does not name). */
  stepNames?: ReadonlyMap<string, string> | undefined;
}

/** Copying more lines at once would stall the page. */
const MAX_COPY_LINES = 100_000;

/** A change's (or one step's) log: loads it, follows it while it runs, finds in it. */
export function LogPane({
  changeId,
  stepId,
  isLive,
  lineHash,
  onLineHashChange,
  label = 'Log',
  stepNames,
}: LogPaneProps) {
  const { feed, state } = useLogFeed({ changeId, stepId }, isLive);
  const store = feed.store;
  const [timeMode, setTimeMode] = usePreference('log.time', z.enum(LOG_TIME_MODES), 'local');
  const [isWrapped, setWrapped] = usePreference('log.wrap', z.boolean(), false);
  const [stepFilter, setStepFilter] = useState<string | null>(null);
  const [localSelection, setLocalSelection] = useState<LineRange | null>(null);
  const [isDownloading, setDownloading] = useState(false);
  const viewport = useRef<LogViewportHandle>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const selection = onLineHashChange === undefined ? localSelection : parseLineHash(lineHash ?? '');

  // The step filter's lines (recomputed as lines arrive).
  const view = useMemo(
    () => (stepFilter === null ? null : store.linesOfStep(stepFilter)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- state.version stands for the store's content
    [store, stepFilter, state.version],
  );
  const isIncluded = useMemo(() => {
    if (stepFilter === null) return undefined;
    return (line: number) => store.stepId(line) === stepFilter;
  }, [store, stepFilter]);
  const rowOf = useCallback(
    (line: number) => {
      if (view === null) return line;
      const row = view.findIndex((l) => l >= line);
      return row < 0 ? view.length - 1 : row;
    },
    [view],
  );
  const count = view === null ? store.length : view.length;
  const follow = useFollow(isLive, count);
  const search = useLogSearch(store, state.version, isIncluded);

  const goToLine = useCallback(
    (line: number) => {
      follow.pause();
      viewport.current?.scrollToRow(rowOf(line));
    },
    [follow, rowOf],
  );

  // A line link scrolls to its line once that line has loaded, and once more when the whole log has loaded
  // unless the reader has scrolled the pane meanwhile: lines arriving while the page was still being laid out
  // could leave the first scroll short of its line (seen once in CI, under load).
  const linkedLine = selection?.start ?? 0;
  const scrolledTo = useRef<{ line: number; isFinal: boolean } | null>(null);
  const hasReaderScrolled = useRef(false);
  const handleReaderScroll = useCallback(() => {
    hasReaderScrolled.current = true;
  }, []);
  useEffect(() => {
    if (linkedLine < 1 || store.length < linkedLine) return;
    const done = scrolledTo.current;
    const isAgain = done?.line === linkedLine;
    if (isAgain && (done.isFinal || !state.isDone || hasReaderScrolled.current)) return;
    scrolledTo.current = { line: linkedLine, isFinal: state.isDone };
    hasReaderScrolled.current = false;
    goToLine(linkedLine - 1);
    // Opened from a link: bring the pane itself into view too (the first time only).
    if (!isAgain) viewport.current?.reveal();
  }, [linkedLine, store.length, state.isDone, goToLine]);

  const handleLineClick = useCallback(
    (line: number, isExtending: boolean) => {
      const next = selectLine(selection, line, isExtending);
      scrolledTo.current = { line: next.start, isFinal: true };
      follow.pause();
      if (onLineHashChange === undefined) setLocalSelection(next);
      else onLineHashChange(formatLineHash(next));
    },
    [selection, onLineHashChange, follow],
  );

  const handleFindStep = (direction: 1 | -1) => {
    const line = search.step(direction);
    if (line >= 0) goToLine(line);
  };

  const handleCopy = () => {
    if (selection === null) return;
    const end = Math.min(selection.end, store.length, selection.start + MAX_COPY_LINES - 1);
    const lines: string[] = [];
    for (let n = selection.start; n <= end; n++) lines.push(store.message(n - 1));
    navigator.clipboard.writeText(lines.join('\n')).then(
      () => {
        notifySuccess(`Copied ${lines.length.toLocaleString()} line${lines.length === 1 ? '' : 's'}`);
      },
      () => {
        notifyFailure('Not copied', 'The browser did not allow copying to the clipboard.');
      },
    );
  };

  const handleDownload = () => {
    setDownloading(true);
    downloadLog({ changeId, stepId })
      .then((file) => {
        saveBlob(file.blob, file.fileName);
      })
      .catch((error: unknown) => {
        notifyFailure(
          'Download failed',
          error instanceof Error ? error.message : 'The log could not be downloaded.',
        );
      })
      .finally(() => {
        setDownloading(false);
      });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === '/') {
      event.preventDefault();
      findInput.current?.focus();
    } else if (event.key === 'f') {
      follow.set(!follow.isFollowing);
    } else if (event.key === 'Home') {
      event.preventDefault();
      follow.pause();
      viewport.current?.scrollToStart();
    } else if (event.key === 'End') {
      event.preventDefault();
      follow.set(true);
      viewport.current?.scrollToEnd();
    }
  };

  return (
    <Stack
      component="section"
      aria-label={label}
      gap="xs"
      className={classes.pane}
      p="xs"
      onKeyDown={handleKeyDown}
    >
      <LogFindBar
        query={search.query}
        isCaseSensitive={search.isCaseSensitive}
        isRegex={search.isRegex}
        error={search.error}
        count={search.result?.count ?? 0}
        current={search.current}
        searchedLines={count}
        isLoadComplete={state.isDone}
        inputRef={findInput}
        onQueryChange={search.setQuery}
        onCaseSensitiveChange={search.setCaseSensitive}
        onRegexChange={search.setRegex}
        onStep={handleFindStep}
      />
      <LogToolbar
        timeMode={timeMode}
        isWrapped={isWrapped}
        isFollowing={follow.isFollowing}
        stepIds={stepId === undefined ? store.stepIds : []}
        stepNames={stepNames}
        stepFilter={stepFilter}
        hasError={store.firstError >= 0}
        selectedCount={selection === null ? 0 : Math.min(selection.end, store.length) - selection.start + 1}
        isDownloading={isDownloading}
        onTimeModeChange={setTimeMode}
        onWrapChange={setWrapped}
        onFollowChange={follow.set}
        onStepFilterChange={setStepFilter}
        onJumpToError={() => {
          if (store.firstError >= 0) handleLineClick(store.firstError + 1, false);
          goToLine(store.firstError);
        }}
        onCopy={handleCopy}
        onDownload={handleDownload}
      />
      {state.failure === null ? null : (
        <Alert color="red" variant="light" p="xs" title="Log lines could not be loaded">
          {state.failure} {state.isDone ? '' : 'Trying again shortly.'}
        </Alert>
      )}
      <div className={classes.body}>
        <LogViewport
          store={store}
          version={state.version}
          view={view}
          timeMode={timeMode}
          isWrapped={isWrapped}
          isFollowing={follow.isFollowing}
          selection={selection}
          currentLine={search.result?.lines[search.current] ?? -1}
          pattern={search.pattern}
          onLineClick={handleLineClick}
          onScrolled={follow.handleScrolled}
          onReaderScroll={handleReaderScroll}
          handleRef={viewport}
        />
        {follow.isFollowing || (!isLive && follow.newLines === 0) ? null : (
          <Button
            className={classes.jump}
            size="xs"
            onClick={() => {
              follow.set(true);
              viewport.current?.scrollToEnd();
            }}
          >
            {follow.newLines > 0
              ? `${follow.newLines.toLocaleString()} new lines — jump to latest`
              : 'Jump to latest'}
          </Button>
        )}
      </div>
      <Group justify="space-between">
        <LogStatus
          lineCount={store.length}
          isDone={state.isDone}
          isLive={isLive}
          unreadableCount={state.unreadableCount}
        />
        <Text size="xs" c="dimmed">
          Keys: / find, f follow, Home/End, Page Up/Down
        </Text>
      </Group>
    </Stack>
  );
}
