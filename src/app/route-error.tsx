import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { ApiError, NetworkError, ResponseFormatError } from '@/api/errors';
import { ButtonLink } from '@/ui/router-links';

interface Failure {
  title: string;
  message: string;
}

/** What went wrong loading a page, in words: what happened and what to do next. */
export function describeRouteFailure(error: unknown): Failure {
  if (error instanceof NetworkError) {
    return {
      title: 'The OpsChain server could not be reached',
      message: 'Check your network connection and that the server is running, then retry.',
    };
  }
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return { title: 'Your sign-in is no longer accepted', message: 'Sign in again to continue.' };
    }
    if (error.status === 403) {
      return {
        title: 'You do not have permission to see this',
        message: `${error.message} Ask an OpsChain administrator for access.`,
      };
    }
    if (error.status >= 500) {
      return {
        title: `The OpsChain server failed (${String(error.status)})`,
        message: `${error.message} Retry in a moment; if it keeps failing, tell your OpsChain administrator.`,
      };
    }
    return { title: `The server refused the request (${String(error.status)})`, message: error.message };
  }
  if (error instanceof ResponseFormatError) {
    return {
      title: 'The server answered in an unexpected format',
      message: `${error.message} ${error.problems.join('; ')}. The console and the server may be different versions.`,
    };
  }
  return {
    title: 'This page failed',
    message: error instanceof Error && error.message !== '' ? error.message : 'An unexpected error occurred.',
  };
}

/** A route's error boundary: says what failed and offers to retry without losing the page. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();
  const { title, message } = describeRouteFailure(error);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    queryReset.reset();
  }, [queryReset]);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleRetry = () => {
    reset();
    void router.invalidate();
  };

  return (
    <Container size="sm" py="xl">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Stack gap="sm">
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
            {title}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{message}</Text>
          <Group gap="sm">
            <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={handleRetry}>
              Retry
            </Button>
            <ButtonLink to="/projects" variant="default">
              Go to projects
            </ButtonLink>
          </Group>
        </Stack>
      </Alert>
    </Container>
  );
}
