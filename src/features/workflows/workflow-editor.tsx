import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { errorText, isApiError } from '@/api/errors';
import { failureMessage } from '@/api/failures';
import { projectQuery } from '@/api/projects';
import { useSaveWorkflowVersion, workflowQuery, type SaveWorkflowInput } from '@/api/workflows';
import { denial } from '@/lib/permissions';
import { lineOfPointer, previewWorkflowYaml, selfCallProblems } from '@/lib/workflow-yaml';
import type { CodeMarker } from '@/ui/code-editor-types';
import { FormAlert } from '@/ui/form-alert';
import { GuardedButton } from '@/ui/guarded-button';
import { notifySuccess } from '@/ui/notify';
import { AnchorLink } from '@/ui/router-links';
import { Timestamp } from '@/ui/timestamp';
import { UnsavedEditsGuard } from '@/ui/unsaved-edits-guard';
import { useWorkflowCompletions } from './use-workflow-completions';
import { useWorkflowDraft } from './use-workflow-draft';
import { WorkflowEditorPanes } from './workflow-editor-panes';
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
  const draft = useWorkflowDraft(projectCode, workflowCode, {
    text: workflow.source_yaml,
    version: workflow.latest_version,
  });
  const source = draft.source;
  const deferred = useDeferredValue(source);
  const preview = useMemo(() => previewWorkflowYaml(deferred, workflow.name), [deferred, workflow.name]);
  const completions = useWorkflowCompletions(projectCode);
  const [serverProblems, setServerProblems] = useState<ServerProblem[]>([]);
  // The schema's problems (monaco-yaml's markers), listed with the others; the editor marks them itself.
  const [schemaProblems, setSchemaProblems] = useState<readonly CodeMarker[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveWorkflowVersion();
  const markedProblems = [
    ...localProblems(preview.problems, 'YAML'),
    ...localProblems(selfCallProblems(preview, { projectCode, workflowCode }), 'lint'),
    ...serverProblems,
  ];
  // A syntax error is found by both: listed once, as the browser's YAML parser words it.
  const problems = [
    ...markedProblems,
    ...schemaProblems
      .filter(
        (problem) =>
          !markedProblems.some(
            (marked) => marked.line === problem.line && marked.message.startsWith(problem.message),
          ),
      )
      .map((problem) => ({ line: problem.line, message: problem.message, source: 'schema' })),
  ];
  const problemKey = JSON.stringify(markedProblems);
  // The same array while the problems stay the same: new markers on every keystroke would flicker.
  const markers = useMemo(
    (): CodeMarker[] =>
      markedProblems.flatMap((problem) =>
        problem.line === null
          ? []
          : [{ line: problem.line, message: `${problem.message} (${problem.source})`, severity: 'error' }],
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, see above
    [problemKey],
  );
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
          if (mode === 'check') return;
          draft.forget();
          onSaved();
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
  return (
    <Stack gap="md">
      <UnsavedEditsGuard isDirty={draft.isDirty} what={`YAML of ${workflow.name}`} />
      <AnchorLink {...workflowLinkOptions(projectCode, workflowCode)} size="sm">
        Workflow {workflow.name}
      </AnchorLink>
      <Title order={1}>Edit {workflow.name}</Title>
      <Text size="sm" c="dimmed">
        Editing version {workflow.latest_version}; saving adds version {workflow.latest_version + 1}.
      </Text>
      {draft.restoredAt === null ? null : (
        <Group gap="xs" role="status">
          <Text size="sm">
            Restored your unsaved edit from <Timestamp value={draft.restoredAt} />
          </Text>
          <Button size="compact-sm" variant="default" onClick={draft.discard}>
            Discard
          </Button>
        </Group>
      )}
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
      <WorkflowEditorPanes
        source={source}
        onSourceChange={draft.setSource}
        preview={preview}
        workflowName={workflow.name}
        isReadOnly={denied !== null}
        markers={markers}
        onSchemaProblemsChange={setSchemaProblems}
        completions={completions}
      />
      <YamlProblems problems={problems} />
    </Stack>
  );
}
