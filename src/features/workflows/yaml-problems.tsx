import { List, Stack, Text } from '@mantine/core';
import type { WorkflowYamlProblem } from '@/lib/workflow-yaml';

export interface YamlProblemsProps {
  /** Problems found in the browser and by the server's check, each with its line (null: the whole workflow). */
  problems: readonly { line: number | null; message: string; source: string }[];
}

/** What is wrong with the YAML, line by line, announced as it changes. */
export function YamlProblems({ problems }: YamlProblemsProps) {
  return (
    <Stack gap={4} role="region" aria-label="Problems" aria-live="polite">
      <Text size="sm" fw={500}>
        {problems.length === 0 ? 'No problems found' : `${String(problems.length)} problem(s)`}
      </Text>
      {problems.length === 0 ? null : (
        <List size="sm" spacing={2}>
          {problems.map((problem, index) => (
            <List.Item key={`${String(index)}-${problem.message}`}>
              {problem.line === null ? '' : `Line ${String(problem.line)}: `}
              {problem.message} ({problem.source})
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** Problems the browser found, in the shape YamlProblems lists. */
export function localProblems(problems: readonly WorkflowYamlProblem[], source: string) {
  return problems.map((problem) => ({ ...problem, source }));
}
