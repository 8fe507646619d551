import { Container, Stack, Text, Title } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import { ButtonLink } from '@/ui/router-links';

/** For console addresses that lead nowhere. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="md" align="flex-start">
        <Title order={1}>Page not found</Title>
        <Text>
          The console has no page at <code>{pathname}</code>. The link may be mistyped or out of date.
        </Text>
        <ButtonLink to="/projects">Go to projects</ButtonLink>
      </Stack>
    </Container>
  );
}
