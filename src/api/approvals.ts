import { jsonObjectSchema } from '@contract/json-api';
import { queryOptions, skipToken } from '@tanstack/react-query';
import { z } from 'zod';

// The approvals inbox (issue 14): every change step and workflow wait step that waits for someone, from
// `/api/steps` and `/api/workflow_steps` (domain §7.5, §9.4), joined with what a person deciding needs to
// see: the change or run (who started it, its metadata) and whether the caller may execute there (from the
// target node's `meta.authorisations`). One tab fetches (src/lib/leader-poller.ts) and the others receive
// the snapshot, so it is a plain structured-clonable object with a schema of its own.

/** Approve (approval steps: approve or reject) or Continue (wait steps). */
export const INBOX_KINDS = ['approve', 'continue'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

const runRefSchema = z.object({ projectCode: z.string(), workflowCode: z.string(), runId: z.string() });
export type RunRef = z.infer<typeof runRefSchema>;

export const inboxItemSchema = z.object({
  /** Unique across both sources: `change-step:<id>`, `workflow-step:<id>`. */
  key: z.string(),
  id: z.string(),
  source: z.enum(['change', 'workflow']),
  kind: z.enum(INBOX_KINDS),
  name: z.string(),
  /** The step's action (change steps only). */
  action: z.string().nullable(),
  /** The OpsChain path of the change's target node, or of the run's project. */
  targetPath: z.string().nullable(),
  changeId: z.string().nullable(),
  /** The change's action (change steps only). */
  changeAction: z.string().nullable(),
  run: runRefSchema.nullable(),
  startedBy: z.string().nullable(),
  metadata: jsonObjectSchema,
  requiresApprovalFrom: z.string().nullable(),
  /** When the step began waiting (its start, else its creation). */
  waitingSince: z.string(),
  /** Where execute permission is needed to act: `<node>/changes` or `<project>/workflow_runs`. */
  executePath: z.string().nullable(),
  /** Whether the caller has it; null when the node could not be read (the server decides). */
  mayExecute: z.boolean().nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSnapshotSchema = z.object({
  items: z.array(inboxItemSchema),
  /** Waiting steps whose rows did not match the contract (listed nowhere, counted here). */
  unreadable: z.number().int(),
  fetchedAt: z.number(),
});
export type InboxSnapshot = z.infer<typeof inboxSnapshotSchema>;

/** What tabs share: the last snapshot and, when the last poll failed, why. */
export interface InboxState {
  snapshot: InboxSnapshot | null;
  error: string | null;
}

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: (username: string) => [...approvalKeys.all, 'inbox', username] as const,
};

/**
 * The inbox as the shared poller last saw it. Never fetched by the query itself (the leader tab's poller
 * writes it with setQueryData), so opening the page costs no request.
 */
export const inboxQuery = (username: string) =>
  queryOptions<InboxState>({
    queryKey: approvalKeys.inbox(username),
    queryFn: skipToken,
    staleTime: Infinity,
  });

const CHANGE_LINK = /^\/api(\/projects\/.+)\/changes\/[^/]+$/;
const RUN_LINK = /^\/api\/projects\/([^/]+)\/workflows\/([^/]+)\/runs\/([^/]+)$/;

/** The change's target node path, from the step's `links.change`. */
export function targetOfChangeLink(link: string | null | undefined): string | null {
  return link == null ? null : (CHANGE_LINK.exec(link)?.[1] ?? null);
}

/** Project, workflow and run, from a wait step's `links.workflow_run`. */
export function runOfLink(link: string | null | undefined): RunRef | null {
  const match = link == null ? null : RUN_LINK.exec(link);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return null;
  return {
    projectCode: decodeURIComponent(match[1]),
    workflowCode: decodeURIComponent(match[2]),
    runId: decodeURIComponent(match[3]),
  };
}

/** Reads a snapshot another tab broadcast; null when it does not match (another console version). */
export function parseInboxSnapshot(payload: unknown): InboxSnapshot | null {
  const parsed = inboxSnapshotSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

export type InboxDecision = 'approve' | 'reject' | 'continue';

/** What became of one decision, in words a person can act on. */
export type DecisionResult =
  | { outcome: 'done' }
  /** The step no longer waited: someone else decided first (`message`: "Already approved by alice"). */
  | { outcome: 'already-decided'; message: string }
  /** The server refused (not permitted, gone, unreachable), with its reason. */
  | { outcome: 'refused'; message: string };
