import { Grid, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { workflowYamlSchema } from '@/lib/workflow-schema';
import { stepAtLine, type WorkflowYamlPreview } from '@/lib/workflow-yaml';
import { CodeEditor } from '@/ui/code-editor';
import type { CodeCompletions, CodeCursorRequest, CodeMarker } from '@/ui/code-editor-types';
import { LazyStepGraph } from '@/ui/step-graph-lazy';

export interface WorkflowEditorPanesProps {
  source: string;
  onSourceChange: (text: string) => void;
  preview: WorkflowYamlPreview;
  workflowName: string;
  isReadOnly: boolean;
  markers: readonly CodeMarker[];
  /** The problems the YAML schema marks, as they change. */
  onSchemaProblemsChange: (problems: readonly CodeMarker[]) => void;
  completions: CodeCompletions;
}

/**
 * The YAML beside its preview, kept in step: picking a step in the preview puts the cursor on its line
 * (the editor takes the focus only when the step was clicked), and moving the cursor picks the step there.
 */
export function WorkflowEditorPanes({
  source,
  onSourceChange,
  preview,
  workflowName,
  isReadOnly,
  markers,
  onSchemaProblemsChange,
  completions,
}: WorkflowEditorPanesProps) {
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [cursorRequest, setCursorRequest] = useState<CodeCursorRequest | undefined>();
  // Whether the next pick in the preview comes from the pointer (a click) rather than the keyboard, which
  // keeps the focus in the preview's outline.
  const isPointerPick = useRef(false);
  const handleSelect = (id: string) => {
    setSelectedId(id);
    const line = preview.lines.get(id);
    if (line !== undefined) setCursorRequest({ line, isFocused: isPointerPick.current });
    isPointerPick.current = false;
  };
  const handleCursorLine = (line: number) => {
    const id = stepAtLine(preview, line);
    if (id !== undefined) setSelectedId(id);
  };
  const selectedLine = selectedId === undefined ? undefined : preview.lines.get(selectedId);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <CodeEditor
          value={source}
          language="yaml"
          yamlSchema={workflowYamlSchema}
          completions={completions}
          markers={markers}
          onLanguageProblemsChange={onSchemaProblemsChange}
          cursorRequest={cursorRequest}
          onCursorLineChange={handleCursorLine}
          label={`YAML of workflow ${workflowName}`}
          onChange={onSourceChange}
          isReadOnly={isReadOnly}
          height={480}
        />
        <Text size="xs" c="dimmed" mt={4}>
          Ctrl+Space offers a snippet for each kind of step, and the project’s assets, workflows and actions
          after target: and action:.
        </Text>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack
          gap="xs"
          onPointerDownCapture={() => {
            isPointerPick.current = true;
          }}
          onKeyDownCapture={() => {
            isPointerPick.current = false;
          }}
        >
          <Title order={2} size="h3">
            Preview
          </Title>
          {preview.tree === null ? (
            <Text size="sm">No preview: the YAML has problems.</Text>
          ) : (
            <LazyStepGraph
              tree={preview.tree}
              selectedId={selectedId}
              onSelect={handleSelect}
              label={`Preview of the steps of ${workflowName}`}
              height={400}
            />
          )}
          {selectedLine === undefined ? null : (
            <Text size="sm" role="status">
              The selected step starts on line {selectedLine} of the YAML.
            </Text>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
