import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useInboxSync } from '@/api/approval-inbox-sync';
import { decideInboxItem } from '@/api/approval-decisions';
import type { InboxDecision, InboxItem } from '@/api/approvals';
import { changeKeys } from '@/api/changes';
import { stepKeys } from '@/api/steps';
import type { DecisionOutcome } from './decision-results';

// Sends decisions, several at a time, and keeps a bulk decision going when single items fail: each item's
// result is reported, none is lost. While one decision is being sent, another request to send is ignored
// (a double click or a double Enter sends once). Decided items, and those someone else decided first, leave
// the list in every tab.

const CONCURRENCY = 4;

export interface Decide {
  send: (items: readonly InboxItem[], decision: InboxDecision, message: string) => Promise<DecisionOutcome[]>;
  isSending: boolean;
  /** Keys of the items being sent. */
  busyKeys: ReadonlySet<string>;
}

export function useDecide(): Decide {
  const sync = useInboxSync();
  const queryClient = useQueryClient();
  const isSendingRef = useRef(false);
  const [busyKeys, setBusyKeys] = useState<ReadonlySet<string>>(new Set());

  const send = useCallback(
    async (items: readonly InboxItem[], decision: InboxDecision, message: string) => {
      if (isSendingRef.current || items.length === 0) return [];
      isSendingRef.current = true;
      setBusyKeys(new Set(items.map((item) => item.key)));
      const outcomes: DecisionOutcome[] = new Array<DecisionOutcome>(items.length);
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const index = next;
          next += 1;
          const item = items[index];
          if (item === undefined) continue;
          const result = await decideInboxItem({ item, decision, message });
          outcomes[index] = { key: item.key, name: item.name, decision, result };
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
      } finally {
        isSendingRef.current = false;
        setBusyKeys(new Set());
      }
      sync.markDecided(outcomes.filter((o) => o.result.outcome !== 'refused').map((o) => o.key));
      // Open change pages (this tab's) show the decision.
      void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      void queryClient.invalidateQueries({ queryKey: stepKeys.all });
      return outcomes;
    },
    [sync, queryClient],
  );

  return { send, isSending: busyKeys.size > 0, busyKeys };
}
