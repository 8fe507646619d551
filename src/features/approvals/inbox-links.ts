import type { InboxItem } from '@/api/approvals';

// Where an item's links go. The change page lives at /changes/<id>. Workflow runs have no page of their own
// in the console yet: their link opens the project the workflow belongs to.

export function runHref(item: InboxItem): string | null {
  if (item.changeId !== null) return `/changes/${encodeURIComponent(item.changeId)}`;
  if (item.run !== null) return `/projects/${encodeURIComponent(item.run.projectCode)}`;
  return null;
}

export function runLabel(item: InboxItem): string {
  if (item.run !== null) return `Workflow ${item.run.workflowCode}, run ${item.run.runId.slice(0, 8)}`;
  return `Change ${item.changeAction ?? ''} ${item.changeId?.slice(0, 8) ?? ''}`.replace(/\s+/g, ' ').trim();
}
