import { Alert, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Credentials } from '@/api/credentials';
import type { User } from '@/api/users';
import { SignInForm } from './sign-in-form';

export interface SignInPageProps {
  /** Why the user is signing in again, when they were signed in before. */
  reason?: 'expired' | 'signed-out' | 'signed-out-elsewhere' | undefined;
  /** Keeps the credentials and opens the console; resolves once its page is open (see SignInForm). */
  onSignedIn: (credentials: Credentials, user: User | null) => Promise<void>;
}

const REASONS = {
  expired: {
    title: 'Your session ended',
    message:
      'The server no longer accepts your credentials. Sign in again to return to the page you were on.',
  },
  'signed-out': { title: 'Signed out', message: 'You have signed out of the console.' },
  'signed-out-elsewhere': {
    title: 'Signed out',
    message: 'You signed out of the console in another tab. Sign in again to return to the page you were on.',
  },
} as const;

export function SignInPage({ reason, onSignedIn }: SignInPageProps) {
  const notice = reason === undefined ? null : REASONS[reason];
  return (
    <Container component="main" size={420} py={64}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>Sign in to OpsChain Console</Title>
          <Text c="dimmed">Use your OpsChain username and password.</Text>
        </Stack>
        {notice === null ? null : (
          <Alert variant="light" color="blue" title={notice.title} icon={<IconInfoCircle aria-hidden />}>
            {notice.message}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md">
          <SignInForm onSignedIn={onSignedIn} />
        </Paper>
      </Stack>
    </Container>
  );
}
