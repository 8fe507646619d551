import { z } from 'zod';
import { usePreference } from './use-preference';

// The opt-in desktop notifications of the approvals inbox (issue 14): one preference per browser, turned on
// from the inbox page (which asks the browser's permission then, never before), read by the shell's watcher.

const PREFERENCE = 'approvals.desktop-notifications';

/** Whether the user turned desktop notifications on (they still need the browser's permission). */
export function useInboxNotificationsPreference(): [boolean, (value: boolean) => void] {
  return usePreference(PREFERENCE, z.boolean(), false);
}

/** The Notification API, where the browser has one. */
export function notificationApi(): typeof Notification | null {
  return typeof Notification === 'undefined' ? null : Notification;
}

/** The items not seen before, oldest first: what a notification announces. */
export function newKeys(previous: ReadonlySet<string> | null, current: readonly string[]): string[] {
  if (previous === null) return [];
  return current.filter((key) => !previous.has(key));
}
