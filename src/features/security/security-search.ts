import { z } from 'zod';
import type { Principal } from '@/lib/access-model';

// The explainer's question lives in the URL (`/security/check?who=user:viewer&path=/projects/bank`), so an
// answer can be shared and reopened.

export const checkAccessSearchSchema = z.object({
  who: z.string().max(300).optional().catch(undefined),
  path: z.string().max(2000).optional().catch(undefined),
});
export type CheckAccessSearch = z.infer<typeof checkAccessSearchSchema>;

/** `user:viewer`, `group:qa`, `everyone` → who is asked about (groups of a user come from the user list). */
export type WhoRef =
  { kind: 'user'; username: string } | { kind: 'group'; groupname: string } | { kind: 'everyone' };

export function parseWho(who: string | undefined): WhoRef | null {
  if (who === undefined || who === '') return null;
  if (who === 'everyone') return { kind: 'everyone' };
  const [kind, ...rest] = who.split(':');
  const name = rest.join(':');
  if (name === '') return null;
  if (kind === 'user') return { kind: 'user', username: name };
  if (kind === 'group') return { kind: 'group', groupname: name };
  return null;
}

export function formatWho(ref: WhoRef): string {
  return ref.kind === 'everyone'
    ? 'everyone'
    : ref.kind === 'user'
      ? `user:${ref.username}`
      : `group:${ref.groupname}`;
}

/** The principal for a reference; a user's groups are those the user list gives (none when unknown). */
export function principalOf(ref: WhoRef, groupsOf: (username: string) => readonly string[]): Principal {
  return ref.kind === 'user' ? { kind: 'user', username: ref.username, groups: groupsOf(ref.username) } : ref;
}
