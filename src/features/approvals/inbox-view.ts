import type { InboxItem, InboxKind } from '@/api/approvals';
import { inboxDenial } from '@/lib/inbox-permissions';
import type { Asker } from '@/lib/step-permissions';
import type { ApprovalsSearch } from './approvals-search';

// What the inbox shows for a tab, a scope and a grouping: pure, so 500 items are prepared in one pass.

export interface InboxRow {
  item: InboxItem;
  /** Null when the user may decide it, else why not. */
  denial: string | null;
}

export interface InboxGroup {
  /** Null for the single group of an ungrouped list. */
  title: string | null;
  rows: InboxRow[];
}

export interface InboxView {
  groups: InboxGroup[];
  /** Every shown row in display order (keyboard navigation, Shift-click ranges). */
  rows: InboxRow[];
  /** What the user may decide, per tab (the tabs' counts). */
  mine: Record<InboxKind, number>;
}

function runTitle(item: InboxItem): string {
  if (item.run !== null) return `Workflow run ${item.run.workflowCode} · ${item.run.runId}`;
  return `Change ${item.changeAction ?? ''} · ${item.changeId ?? 'unknown'}`.replace('  ', ' ');
}

function groupTitle(item: InboxItem, group: ApprovalsSearch['group']): string | null {
  if (group === 'run') return runTitle(item);
  if (group === 'target') return item.targetPath ?? 'Unknown target';
  return null;
}

export function inboxView(
  items: readonly InboxItem[],
  user: Asker,
  { tab, scope, group }: ApprovalsSearch,
): InboxView {
  const mine: Record<InboxKind, number> = { approve: 0, continue: 0 };
  const byTitle = new Map<string | null, InboxRow[]>();
  for (const item of items) {
    const denial = inboxDenial(item, user);
    if (denial === null) mine[item.kind] += 1;
    if (item.kind !== tab || (scope === 'mine' && denial !== null)) continue;
    const title = groupTitle(item, group);
    const rows = byTitle.get(title);
    if (rows === undefined) byTitle.set(title, [{ item, denial }]);
    else rows.push({ item, denial });
  }
  const groups = [...byTitle].map(([title, rows]) => ({ title, rows }));
  return { groups, rows: groups.flatMap((g) => g.rows), mine };
}

/** The keys from `anchor` to `target` in display order, both included (Shift-click). */
export function keysBetween(rows: readonly InboxRow[], anchor: string, target: string): string[] {
  const a = rows.findIndex((row) => row.item.key === anchor);
  const b = rows.findIndex((row) => row.item.key === target);
  if (a < 0 || b < 0) return [target];
  const [from, to] = a <= b ? [a, b] : [b, a];
  return rows.slice(from, to + 1).map((row) => row.item.key);
}

/** Metadata worth a glance: scalar values (a ticket number), at most `limit`. */
export function metadataSummary(metadata: Record<string, unknown>, limit = 4): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(metadata)) {
    if (out.length >= limit) break;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out.push([key, String(value)]);
  }
  return out;
}
