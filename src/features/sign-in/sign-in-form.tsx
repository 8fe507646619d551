import { Alert, Button, PasswordInput, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { Credentials } from '@/api/credentials';
import { verifyCredentials, type User } from '@/api/users';
import { retryingMessage, signInProblem, type SignInProblem } from './sign-in-messages';

export interface SignInFormProps {
  /**
   * Called once the server has accepted the credentials; resolves once the console has opened the page
   * the user is going to. Until then the form stays busy and cannot be sent again.
   */
  onSignedIn: (credentials: Credentials, user: User | null) => Promise<void>;
}

type Progress = 'idle' | 'checking' | 'entering';

const PROGRESS_TEXT: Record<Progress, string> = {
  idle: '',
  checking: 'Checking your credentials…',
  entering: 'Signed in. Opening the console…',
};

interface ProgressStatusProps {
  progress: Progress;
  /** What is said while the check is retried; null otherwise. */
  retrying: string | null;
}

/** Visible while the check is being retried (a busy server), so the wait is explained; else only read out. */
function ProgressStatus({ progress, retrying }: ProgressStatusProps) {
  return (
    <div role="status">
      {retrying === null ? (
        <VisuallyHidden>{PROGRESS_TEXT[progress]}</VisuallyHidden>
      ) : (
        <Text size="sm" c="dimmed">
          {retrying}
        </Text>
      )}
    </div>
  );
}

/** Username and password, checked with the server before the console keeps them. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [progress, setProgress] = useState<Progress>('idle');
  const [retrying, setRetrying] = useState<string | null>(null);
  // Set at once, unlike state: Enter pressed twice quickly must not send the credentials twice.
  const isBusyRef = useRef(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() === '' ? 'Enter your username.' : null),
      password: (value) => (value === '' ? 'Enter your password.' : null),
    },
  });

  useEffect(() => () => abortRef.current?.abort(), []);

  const handleSubmit = async (values: typeof form.values) => {
    if (isBusyRef.current) return;
    isBusyRef.current = true;
    const controller = new AbortController();
    abortRef.current = controller;
    const credentials = { username: values.username.trim(), password: values.password };
    setProgress('checking');
    setProblem(null);
    try {
      const user = await verifyCredentials(credentials, {
        signal: controller.signal,
        onRetry: (notice) => {
          setRetrying(retryingMessage(notice));
        },
      });
      if (controller.signal.aborted) return;
      setRetrying(null);
      // The first page may take a while to load: stay busy until it shows, so it is clear that
      // something is happening and the credentials are not checked again.
      setProgress('entering');
      await onSignedIn(credentials, user);
    } catch (error) {
      if (controller.signal.aborted) return;
      setRetrying(null);
      const found = signInProblem(error);
      setProblem(found);
      if (found.isWrongCredentials) {
        form.setFieldValue('password', '');
        passwordRef.current?.focus();
      }
    } finally {
      isBusyRef.current = false;
      if (!controller.signal.aborted) setProgress('idle');
    }
  };

  return (
    <form
      aria-label="Sign in"
      noValidate
      onSubmit={(event) => {
        form.onSubmit((values) => void handleSubmit(values))(event);
      }}
    >
      <Stack gap="md">
        <TextInput
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          data-autofocus
          autoFocus
          key={form.key('username')}
          {...form.getInputProps('username')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          ref={passwordRef}
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        {problem === null ? null : (
          <Alert
            color="red"
            variant="light"
            title={problem.title}
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            {problem.message}
          </Alert>
        )}
        <Button type="submit" loading={progress !== 'idle'} fullWidth>
          Sign in
        </Button>
        <ProgressStatus progress={progress} retrying={retrying} />
      </Stack>
    </form>
  );
}
