import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { errorText, isApiError } from '@/api/errors';
import { failureMessage } from '@/api/failures';
import { projectQuery } from '@/api/projects';
import { useSaveWorkflowVersion, workflowQuery, type SaveWorkflowInput } from '@/api/workflows';
import { denial } from '@/lib/permissions';
import { workflowYamlSchema } from '@/lib/workflow-schema';
import { lineOfPointer, previewWorkflowYaml, selfCallProblems } from '@/lib/workflow-yaml';
import { CodeEditor } from '@/ui/code-editor';
import { FormAlert } from '@/ui/form-alert';
import { GuardedButton } from '@/ui/guarded-button';
import { notifySuccess } from '@/ui/notify';
import { AnchorLink } from '@/ui/router-links';
import { LazyStepGraph } from '@/ui/step-graph-lazy';
import { workflowLinkOptions } from './workflow-links';
import { localProblems, YamlProblems } from './yaml-problems';

export interface WorkflowEditorProps {
  projectCode: string;
  workflowCode: string;
  /** Saved as a draft or published: back to the workflow's page. */
  onSaved: () => void;
}

interface ServerProblem {
  line: number | null;
  message: string;
  source: string;
}
const DONE = {
  check: 'The server found no problems',
  draft: 'Saved as a draft',
  publish: 'Published',
} as const;

/** The latest version's YAML in the editor, its steps previewed as a graph, checked and saved as a new version. */
export function WorkflowEditor({ projectCode, workflowCode, onSaved }: WorkflowEditorProps) {
  const workflow = useSuspenseQuery(workflowQuery(projectCode, workflowCode)).data;
  const project = useSuspenseQuery(projectQuery(projectCode)).data;
  const [source, setSource] = useState(workflow.source_yaml);
  const deferred = useDeferredValue(source);
  const preview = useMemo(() => previewWorkflowYaml(deferred, workflow.name), [deferred, workflow.name]);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [serverProblems, setServerProblems] = useState<ServerProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveWorkflowVersion();
  const problems = [
    ...localProblems(preview.problems, 'YAML'),
    ...localProblems(selfCallProblems(preview, { projectCode, workflowCode }), 'lint'),
    ...serverProblems,
  ];
  const denied = denial(project.meta.authorisations, {
    nodePath: project.path,
    facet: 'workflows',
    permission: 'update',
    purpose: 'change workflows',
  });
  const invalid = preview.problems.length > 0 ? 'Fix the YAML problems first' : null;
  const handleSave = (mode: SaveWorkflowInput['mode']) => {
    setFailure(null);
    save.mutate(
      { projectCode, workflowCode, sourceYaml: source, mode },
      {
        onSuccess: () => {
          setServerProblems([]);
          notifySuccess(DONE[mode]);
          if (mode !== 'check') onSaved();
        },
        onError: (error) => {
          if (!isApiError(error, 422)) {
            setFailure(failureMessage(error));
            return;
          }
          setServerProblems(
            error.errors.map((item) => ({
              line: item.source?.pointer === undefined ? null : lineOfPointer(preview, item.source.pointer),
              message: errorText(item),
              source: 'server',
            })),
          );
        },
      },
    );
  };
  const selectedLine = selectedId === undefined ? undefined : preview.lines.get(selectedId);
  return (
    <Stack gap="md">
      <AnchorLink {...workflowLinkOptions(projectCode, workflowCode)} size="sm">
        Workflow {workflow.name}
      </AnchorLink>
      <Title order={1}>Edit {workflow.name}</Title>
      <Text size="sm" c="dimmed">
        Editing version {workflow.latest_version}; saving adds version {workflow.latest_version + 1}.
      </Text>
      <FormAlert message={failure} />
      <Group gap="xs">
        {(['check', 'draft', 'publish'] as const).map((mode) => (
          <GuardedButton
            key={mode}
            variant={mode === 'publish' ? 'filled' : 'default'}
            deniedReason={denied ?? invalid}
            loading={save.isPending && save.variables.mode === mode}
            onClick={() => {
              handleSave(mode);
            }}
          >
            {mode === 'check' ? 'Check' : mode === 'draft' ? 'Save as draft' : 'Publish'}
          </GuardedButton>
        ))}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <CodeEditor
            value={source}
            language="yaml"
            yamlSchema={workflowYamlSchema}
            label={`YAML of workflow ${workflow.name}`}
            onChange={setSource}
            isReadOnly={denied !== null}
            height={480}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="xs">
            <Title order={2} size="h3">
              Preview
            </Title>
            {preview.tree === null ? (
              <Text size="sm">No preview: the YAML has problems.</Text>
            ) : (
              <LazyStepGraph
                tree={preview.tree}
                selectedId={selectedId}
                onSelect={setSelectedId}
                label={`Preview of the steps of ${workflow.name}`}
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
      <YamlProblems problems={problems} />
    </Stack>
  );
}
