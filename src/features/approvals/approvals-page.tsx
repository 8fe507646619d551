import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { inboxQuery, type InboxDecision, type InboxItem } from '@/api/approvals';
import { useSignedInUsername } from '@/api/credentials';
import { useCurrentUser } from '@/api/current-user';
import { EmptyState } from '@/ui/empty-state';
import { PageSkeleton } from '@/ui/page-skeleton';
import type { ApprovalsSearch } from './approvals-search';
import { DecisionDialog } from './decision-dialog';
import { DecisionResults, type DecisionOutcome } from './decision-results';
import { InboxList } from './inbox-list';
import { runHref } from './inbox-links';
import { inboxView, keysBetween } from './inbox-view';
import { NotificationToggle } from './notification-toggle';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useDecide } from './use-decide';
import { useInboxKeyboard, type InboxShortcut } from './use-inbox-keyboard';

export interface ApprovalsPageProps {
  search: ApprovalsSearch;
  onSearchChange: (patch: Partial<ApprovalsSearch>) => void;
  onNavigate: (href: string) => void;
}

const NO_ITEMS: readonly InboxItem[] = [];

/** Everything waiting for a decision: approve/reject or continue, one at a time or in bulk, by keyboard. */
export function ApprovalsPage({ search, onSearchChange, onNavigate }: ApprovalsPageProps) {
  const username = useSignedInUsername() ?? '';
  const { user } = useCurrentUser();
  const inbox = useQuery(inboxQuery(username));
  const items = inbox.data?.snapshot?.items ?? NO_ITEMS;
  const groups = user?.groupnames ?? null;
  const view = useMemo(
    () => inboxView(items, { username, groups }, search),
    [items, username, groups, search],
  );

  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchorRef = useRef<string | null>(null);
  const [request, setRequest] = useState<{ decision: InboxDecision; items: InboxItem[] } | null>(null);
  const [outcomes, setOutcomes] = useState<DecisionOutcome[]>([]);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const decide = useDecide();

  const byKey = useMemo(() => new Map(view.rows.map((row) => [row.item.key, row])), [view.rows]);
  const wanted = activeKey ?? search.item ?? null;
  const current = wanted !== null && byKey.has(wanted) ? wanted : (view.rows[0]?.item.key ?? null);
  const shownSelection = [...selected].filter((key) => byKey.get(key)?.denial === null);

  const focusRow = (key: string) => {
    setActiveKey(key);
    listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  };
  const handleToggle = useCallback(
    (key: string, isRange: boolean) => {
      setSelected((previous) => {
        const next = new Set(previous);
        const keys =
          isRange && anchorRef.current !== null ? keysBetween(view.rows, anchorRef.current, key) : [key];
        const isSelecting = !previous.has(key);
        for (const each of keys)
          if (isSelecting) next.add(each);
          else next.delete(each);
        return next;
      });
      anchorRef.current = key;
      setActiveKey(key);
    },
    [view.rows],
  );
  const ask = useCallback(
    (decision: InboxDecision, keys: string[]) => {
      const kind = decision === 'continue' ? 'continue' : 'approve';
      const usable = keys
        .map((key) => byKey.get(key))
        .filter((row) => row !== undefined)
        .filter((row) => row.denial === null && row.item.kind === kind)
        .map((row) => row.item);
      if (usable.length > 0) setRequest({ decision, items: usable });
    },
    [byKey],
  );
  const handleDecide = useCallback(
    (key: string, decision: InboxDecision) => {
      ask(decision, [key]);
    },
    [ask],
  );
  const targets = () => (shownSelection.length > 0 ? shownSelection : current === null ? [] : [current]);

  const handleShortcut = (shortcut: InboxShortcut) => {
    const index = current === null ? -1 : view.rows.findIndex((row) => row.item.key === current);
    const move = (to: number) => {
      const row = view.rows[Math.max(0, Math.min(view.rows.length - 1, to))];
      if (row !== undefined) focusRow(row.item.key);
    };
    if (shortcut === 'next') move(index + 1);
    else if (shortcut === 'previous') move(index - 1);
    else if (shortcut === 'toggle' && current !== null) handleToggle(current, false);
    else if (shortcut === 'approve' || shortcut === 'reject' || shortcut === 'continue')
      ask(shortcut, targets());
    else if (shortcut === 'help') setIsHelpOpen(true);
    else if (shortcut === 'open') {
      const row = current === null ? undefined : byKey.get(current);
      const href = row === undefined ? null : runHref(row.item);
      if (href !== null) onNavigate(href);
    }
  };
  useInboxKeyboard(handleShortcut, request === null && !isHelpOpen);
  // One object per request: the dialog starts afresh (an empty message) whenever it receives a new one, so
  // a new object on every render (each poll) wiped what the approver was typing.
  const dialogRequest = useMemo(
    () =>
      request === null ? null : { decision: request.decision, names: request.items.map((item) => item.name) },
    [request],
  );

  const handleSubmit = async (message: string) => {
    if (request === null || decide.isSending) return;
    // The items as they were when asked: another tab's poll may drop them meanwhile, and the server decides.
    const results = await decide.send(request.items, request.decision, message);
    setOutcomes(results);
    setRequest(null);
    setSelected(new Set());
    // Back to the list: the next item still waiting, where the decided one was.
    const gone = new Set(results.filter((r) => r.result.outcome !== 'refused').map((r) => r.key));
    const index = Math.max(
      0,
      view.rows.findIndex((row) => row.item.key === current),
    );
    const remaining = view.rows.filter((row) => !gone.has(row.item.key));
    const next = remaining[Math.min(index, remaining.length - 1)]?.item.key;
    setTimeout(() => {
      if (next !== undefined) focusRow(next);
    }, 0);
  };
  const handleCloseDialog = () => {
    setRequest(null);
    setTimeout(() => {
      if (current !== null) focusRow(current);
    }, 0);
  };

  const state = inbox.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Approvals</Title>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            setIsHelpOpen(true);
          }}
          aria-keyshortcuts="?"
        >
          Keyboard shortcuts
        </Button>
      </Group>
      <Group gap="lg">
        <Switch
          label="Show items waiting for others"
          checked={search.scope === 'all'}
          onChange={(event) => {
            onSearchChange({ scope: event.currentTarget.checked ? 'all' : 'mine' });
          }}
        />
        <SegmentedControl
          aria-label="Group by"
          value={search.group}
          onChange={(value) => {
            onSearchChange({ group: value === 'run' || value === 'target' ? value : 'none' });
          }}
          data={[
            { value: 'none', label: 'No grouping' },
            { value: 'run', label: 'By run' },
            { value: 'target', label: 'By target' },
          ]}
        />
        <NotificationToggle />
      </Group>
      <DecisionResults
        outcomes={outcomes}
        onDismiss={() => {
          setOutcomes([]);
        }}
      />
      {state?.error == null ? null : (
        <Alert color="red" title="The inbox could not be refreshed">
          {state.error} The list shows the last answer; it is tried again every few seconds.
        </Alert>
      )}
      <Tabs
        value={search.tab}
        onChange={(value) => {
          onSearchChange({ tab: value === 'continue' ? 'continue' : 'approve' });
        }}
      >
        <Tabs.List>
          <Tabs.Tab
            value="approve"
            rightSection={
              <Badge size="sm" variant="light">
                {view.mine.approve}
              </Badge>
            }
          >
            Approve
          </Tabs.Tab>
          <Tabs.Tab
            value="continue"
            rightSection={
              <Badge size="sm" variant="light">
                {view.mine.continue}
              </Badge>
            }
          >
            Continue
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={search.tab} pt="md">
          {shownSelection.length === 0 ? null : (
            <Group gap="sm" mb="sm" role="toolbar" aria-label="Selected items">
              <Text size="sm">{shownSelection.length} selected</Text>
              {search.tab === 'approve' ? (
                <>
                  <Button
                    size="xs"
                    onClick={() => {
                      ask('approve', shownSelection);
                    }}
                  >
                    Approve selected
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => {
                      ask('reject', shownSelection);
                    }}
                  >
                    Reject selected
                  </Button>
                </>
              ) : (
                <Button
                  size="xs"
                  onClick={() => {
                    ask('continue', shownSelection);
                  }}
                >
                  Continue selected
                </Button>
              )}
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setSelected(new Set());
                }}
              >
                Clear selection
              </Button>
            </Group>
          )}
          {state?.snapshot == null ? (
            state?.error == null ? (
              <PageSkeleton label="Loading the inbox" />
            ) : null
          ) : view.rows.length === 0 ? (
            <EmptyState
              title={
                search.tab === 'approve'
                  ? 'Nothing waits for your approval'
                  : 'Nothing waits for you to continue it'
              }
            >
              {search.scope === 'mine'
                ? 'Turn on “Show items waiting for others” to see what waits for someone else.'
                : 'Nothing waits at all.'}
            </EmptyState>
          ) : (
            <InboxList
              groups={view.groups}
              label={search.tab === 'approve' ? 'Waiting for approval' : 'Waiting to be continued'}
              activeKey={current}
              selected={selected}
              busyKeys={decide.busyKeys}
              listRef={listRef}
              onFocusRow={setActiveKey}
              onToggle={handleToggle}
              onDecide={handleDecide}
              onNavigate={onNavigate}
            />
          )}
          {state?.snapshot != null && state.snapshot.unreadable > 0 ? (
            <Text size="sm" c="red.9" mt="sm">
              {state.snapshot.unreadable} waiting step(s) could not be read and are not shown.
            </Text>
          ) : null}
        </Tabs.Panel>
      </Tabs>
      <DecisionDialog
        request={dialogRequest}
        isSending={decide.isSending}
        onSubmit={(message) => void handleSubmit(message)}
        onClose={handleCloseDialog}
      />
      <ShortcutsDialog
        opened={isHelpOpen}
        onClose={() => {
          setIsHelpOpen(false);
        }}
      />
    </Stack>
  );
}
