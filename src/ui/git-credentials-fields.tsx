import { PasswordInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

export const AUTH_METHODS = ['none', 'password', 'ssh'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export interface GitCredentialValues {
  auth: AuthMethod;
  user: string;
  password: string;
  ssh_key_data: string;
}

export const EMPTY_CREDENTIALS: GitCredentialValues = {
  auth: 'none',
  user: '',
  password: '',
  ssh_key_data: '',
};

export interface GitCredentialsFieldsProps {
  auth: AuthMethod;
  onAuthChange: (auth: AuthMethod) => void;
  inputProps: (field: 'user' | 'password' | 'ssh_key_data') => GetInputPropsReturnType;
  /** Offer "None" (public repositories); off when replacing credentials. */
  allowNone?: boolean;
}

const AUTH_LABELS: Record<AuthMethod, string> = {
  none: 'None',
  password: 'User and password',
  ssh: 'SSH key',
};

/**
 * How OpsChain signs in to a Git repository. Secrets are write-only: the API never returns them, and
 * nothing here shows a stored value.
 */
export function GitCredentialsFields({
  auth,
  onAuthChange,
  inputProps,
  allowNone = true,
}: GitCredentialsFieldsProps) {
  const methods = AUTH_METHODS.filter((method) => allowNone || method !== 'none');
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="git-auth-label">
        Authentication
      </Text>
      <SegmentedControl
        aria-labelledby="git-auth-label"
        value={auth}
        data={methods.map((method) => ({ value: method, label: AUTH_LABELS[method] }))}
        onChange={(value) => {
          const method = AUTH_METHODS.find((candidate) => candidate === value);
          if (method !== undefined) onAuthChange(method);
        }}
      />
      {auth === 'password' ? (
        <>
          <TextInput label="User" required autoComplete="off" {...inputProps('user')} />
          <PasswordInput
            label="Password or access token"
            required
            autoComplete="new-password"
            {...inputProps('password')}
          />
        </>
      ) : null}
      {auth === 'ssh' ? (
        <Textarea
          label="SSH private key"
          required
          autosize
          minRows={4}
          maxRows={10}
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'monospace' } }}
          {...inputProps('ssh_key_data')}
        />
      ) : null}
    </Stack>
  );
}
