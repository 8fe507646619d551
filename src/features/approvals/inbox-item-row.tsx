import { Anchor, Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { memo, useId, type CSSProperties, type MouseEvent } from 'react';
import type { InboxDecision } from '@/api/approvals';
import { waitsFor } from '@/lib/inbox-permissions';
import { GuardedButton } from '@/ui/guarded-button';
import { runHref, runLabel } from './inbox-links';
import type { InboxRow } from './inbox-view';
import { metadataSummary } from './inbox-view';
import { WaitingTimer } from './waiting-timer';

export interface InboxItemRowProps {
  row: InboxRow;
  isActive: boolean;
  isSelected: boolean;
  /** A decision on this item is being sent. */
  isBusy: boolean;
  onFocusRow: (key: string) => void;
  onToggle: (key: string, isRange: boolean) => void;
  onDecide: (key: string, decision: InboxDecision) => void;
  onNavigate: (href: string) => void;
  /** In a windowed list: where the row sits, how it is measured, and its place in the whole list. */
  windowed?: WindowedPlace | undefined;
}

export interface WindowedPlace {
  index: number;
  measure: (element: HTMLLIElement | null) => void;
  style: CSSProperties;
  setSize: number;
  positionInSet: number;
}

/** Space between rows: a gap in a grid, a margin when the rows are placed one by one. */
const ROW_GAP = 8;

function InternalLink({
  href,
  children,
  onNavigate,
}: {
  href: string;
  children: string;
  onNavigate: (href: string) => void;
}) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(href);
  };
  return (
    <Anchor href={href} onClick={handleClick} size="sm">
      {children}
    </Anchor>
  );
}

/** One waiting step: what is asked, where, by whom, for whom, since when; its decisions. */
export const InboxItemRow = memo(function InboxItemRow({
  row: { item, denial },
  isActive,
  isSelected,
  isBusy,
  onFocusRow,
  onToggle,
  onDecide,
  onNavigate,
  windowed,
}: InboxItemRowProps) {
  const titleId = useId();
  const href = runHref(item);
  const showAction =
    item.action !== null && item.action !== item.name && !item.action.startsWith('opschain_wait_step');
  return (
    <li
      ref={windowed?.measure}
      data-index={windowed?.index}
      aria-setsize={windowed?.setSize}
      aria-posinset={windowed?.positionInSet}
      data-key={item.key}
      tabIndex={isActive ? 0 : -1}
      aria-labelledby={titleId}
      aria-current={isActive ? 'true' : undefined}
      data-active={isActive || undefined}
      onFocus={() => {
        onFocusRow(item.key);
      }}
      style={{
        ...windowed?.style,
        // The row's own box (with border) is measured: the gap goes outside it.
        ...(windowed === undefined ? {} : { marginBottom: ROW_GAP, boxSizing: 'border-box' }),
        listStyle: 'none',
        padding: 'var(--mantine-spacing-sm)',
        borderRadius: 'var(--mantine-radius-sm)',
        border: '1px solid var(--mantine-color-default-border)',
        outline: isActive ? '2px solid var(--mantine-primary-color-filled)' : undefined,
        // A tinted background would take the links below the contrast minimum: a thick edge marks selection.
        borderLeft: isSelected ? '6px solid var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Checkbox
          mt={4}
          aria-label={`Select ${item.name}`}
          checked={isSelected}
          disabled={denial !== null}
          onChange={() => undefined}
          onClick={(event) => {
            onToggle(item.key, event.shiftKey);
          }}
        />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Badge variant="outline" color="gray">
              {item.kind === 'approve' ? 'Approve' : 'Continue'}
            </Badge>
            <Text fw={600} id={titleId}>
              {item.name}
            </Text>
            {showAction ? (
              <Text size="sm" c="dimmed">
                action {item.action}
              </Text>
            ) : null}
          </Group>
          <Group gap="md" wrap="wrap">
            {item.targetPath === null ? null : (
              <InternalLink href={item.targetPath} onNavigate={onNavigate}>
                {item.targetPath}
              </InternalLink>
            )}
            {href === null ? null : (
              <InternalLink href={href} onNavigate={onNavigate}>
                {runLabel(item)}
              </InternalLink>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {item.startedBy === null ? null : <>started by {item.startedBy} · </>}
            waits for {waitsFor(item)} · <WaitingTimer since={item.waitingSince} />
          </Text>
          {metadataSummary(item.metadata).length === 0 ? null : (
            <Group gap={6}>
              {metadataSummary(item.metadata).map(([key, value]) => (
                <Badge key={key} variant="outline" color="gray" tt="none">
                  {key}: {value}
                </Badge>
              ))}
            </Group>
          )}
          {denial === null ? null : (
            <Text size="sm" c="red.9" role="note">
              Not yours: {denial}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {item.kind === 'approve' ? (
            <>
              <GuardedButton
                size="xs"
                aria-label={`Approve ${item.name}`}
                deniedReason={denial}
                loading={isBusy}
                onClick={() => {
                  onDecide(item.key, 'approve');
                }}
              >
                Approve
              </GuardedButton>
              <GuardedButton
                size="xs"
                color="red"
                variant="light"
                aria-label={`Reject ${item.name}`}
                deniedReason={denial}
                disabled={isBusy}
                onClick={() => {
                  onDecide(item.key, 'reject');
                }}
              >
                Reject
              </GuardedButton>
            </>
          ) : (
            <GuardedButton
              size="xs"
              aria-label={`Continue ${item.name}`}
              deniedReason={denial}
              loading={isBusy}
              onClick={() => {
                onDecide(item.key, 'continue');
              }}
            >
              Continue
            </GuardedButton>
          )}
        </Group>
      </Group>
    </li>
  );
});
