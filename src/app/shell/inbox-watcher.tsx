import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { newKeys, notificationApi, useInboxNotificationsPreference } from '@/lib/inbox-notifications';
import { useDecidableInboxItems } from './use-inbox-count';

// Everywhere in the console: the document title carries the number of items waiting for the user
// (`(3) Projects · OpsChain Console`), and, when turned on, a desktop notification announces each new one.
// The router sets titles per page, so the count is put back whenever the title element changes.

const COUNT_PREFIX = /^\(\d+\) /;
/** At most this many notifications at once; more arrive as one summary. */
const MAX_NOTIFICATIONS = 3;

function useTitleCount(count: number): void {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT_PREFIX, '');
      const wanted = count > 0 ? `(${String(count)}) ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNT_PREFIX, '');
    };
  }, [count]);
}

export function InboxWatcher() {
  const { items, count, isKnown } = useDecidableInboxItems();
  const [isOn] = useInboxNotificationsPreference();
  const seenRef = useRef<Set<string> | null>(null);
  const navigate = useNavigate();
  useTitleCount(count);

  useEffect(() => {
    if (!isKnown) return;
    const keys = items.map((item) => item.key);
    const fresh = newKeys(seenRef.current, keys);
    seenRef.current = new Set(keys);
    const api = notificationApi();
    if (!isOn || fresh.length === 0 || api?.permission !== 'granted') return;
    const byKey = new Map(items.map((item) => [item.key, item]));
    const shown = fresh.length > MAX_NOTIFICATIONS ? fresh.slice(0, 1) : fresh;
    for (const key of shown) {
      const item = byKey.get(key);
      if (item === undefined) continue;
      const title =
        fresh.length > MAX_NOTIFICATIONS
          ? `${String(fresh.length)} new items wait for you`
          : `${item.kind === 'approve' ? 'Approval' : 'Continue'} waits for you: ${item.name}`;
      // Every open tab sees the same new item; the tag makes the browser show it once.
      const notification = new api(title, { body: item.targetPath ?? '', tag: `opschain-inbox:${key}` });
      notification.onclick = () => {
        window.focus();
        void navigate({
          to: '/approvals',
          search: { tab: item.kind, scope: 'mine', group: 'none', item: key },
        });
        notification.close();
      };
    }
  }, [items, isKnown, isOn, navigate]);

  return null;
}
