import { Code, Container, Text, Title } from '@mantine/core';

/** Stands in for the console until its routes exist. */
export function ConsolePlaceholder() {
  return (
    <Container component="main" size="sm" py="xl">
      <Title order={1}>OpsChain Console</Title>
      <Text mt="md">
        The console is being built. The OpsChain API emulator answers at <Code>/api</Code>.
      </Text>
    </Container>
  );
}
