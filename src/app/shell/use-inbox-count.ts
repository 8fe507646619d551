import { useQuery } from '@tanstack/react-query';
import { inboxQuery } from '@/api/approvals';
import { useCurrentUser } from '@/api/current-user';
import { countDecidable, inboxDenial } from '@/lib/inbox-permissions';
import type { InboxItem } from '@/api/approvals';

const NONE: readonly InboxItem[] = [];

/** The inbox items the signed-in user may decide, from the shared poll (no request of its own). */
export function useDecidableInboxItems(): { items: readonly InboxItem[]; count: number; isKnown: boolean } {
  const { username, user } = useCurrentUser();
  const inbox = useQuery({ ...inboxQuery(username ?? ''), enabled: username !== null });
  const snapshot = inbox.data?.snapshot;
  if (username === null || snapshot == null) return { items: NONE, count: 0, isKnown: false };
  const asker = { username, groups: user?.groupnames ?? null };
  const items = snapshot.items.filter((item) => inboxDenial(item, asker) === null);
  return { items, count: countDecidable(snapshot.items, asker), isKnown: true };
}
