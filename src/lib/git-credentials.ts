// Checks and shapes the credentials a Git remote or template is created or updated with.

export type AuthMethodName = 'none' | 'password' | 'ssh';

export interface CredentialDraft {
  auth: AuthMethodName;
  user: string;
  password: string;
  ssh_key_data: string;
}

/** Field errors for the chosen method; other fields are ignored (and not sent). */
export function credentialErrors(
  draft: CredentialDraft,
): Partial<Record<'user' | 'password' | 'ssh_key_data', string>> {
  if (draft.auth === 'password') {
    return {
      ...(draft.user.trim() === '' ? { user: 'Enter the user OpsChain signs in as.' } : {}),
      ...(draft.password === '' ? { password: 'Enter the password or access token.' } : {}),
    };
  }
  if (draft.auth === 'ssh') {
    return draft.ssh_key_data.trim() === '' ? { ssh_key_data: 'Paste the private key.' } : {};
  }
  return {};
}

/**
 * The chosen method's fields, as the API takes them: all three keys, null for the ones the method does not
 * use, so replacing a key with a password clears the key.
 */
export function credentialAttributes(draft: CredentialDraft): {
  user: string | null;
  password: string | null;
  ssh_key_data: string | null;
} {
  if (draft.auth === 'password')
    return { user: draft.user.trim(), password: draft.password, ssh_key_data: null };
  if (draft.auth === 'ssh') return { user: null, password: null, ssh_key_data: draft.ssh_key_data };
  return { user: null, password: null, ssh_key_data: null };
}

/** How a stored remote authenticates, from what the API reveals (`{{hidden}}` or null), never the values. */
export function authDescription(remote: {
  user: string | null;
  password: string | null;
  ssh_key_data: string | null;
}): string {
  if (remote.ssh_key_data !== null) return 'SSH key';
  if (remote.password !== null || remote.user !== null) return 'User and password';
  return 'None';
}
