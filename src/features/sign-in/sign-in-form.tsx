import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { Credentials } from '@/api/credentials';
import { verifyCredentials, type User } from '@/api/users';
import { signInProblem, type SignInProblem } from './sign-in-messages';

export interface SignInFormProps {
  /** Called once the server has accepted the credentials. */
  onSignedIn: (credentials: Credentials, user: User | null) => void;
}

/** Username and password, checked with the server before the console keeps them. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [isChecking, setIsChecking] = useState(false);
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
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const credentials = { username: values.username.trim(), password: values.password };
    setIsChecking(true);
    setProblem(null);
    try {
      const user = await verifyCredentials(credentials, controller.signal);
      onSignedIn(credentials, user);
    } catch (error) {
      if (controller.signal.aborted) return;
      const found = signInProblem(error);
      setProblem(found);
      if (found.isWrongCredentials) {
        form.setFieldValue('password', '');
        passwordRef.current?.focus();
      }
    } finally {
      if (!controller.signal.aborted) setIsChecking(false);
    }
  };

  return (
    <form
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
        <Button type="submit" loading={isChecking} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
