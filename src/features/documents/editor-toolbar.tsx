import { Button, Group, SegmentedControl, Text } from '@mantine/core';

export type EditorView = 'json' | 'form';

export interface EditorToolbarProps {
  /** The version the edit builds on. */
  baseVersion: number;
  isDirty: boolean;
  /** The JSON | Form switch's value; null when the document has no form view. */
  view: EditorView | null;
  onViewChange: (view: EditorView) => void;
  canFormat: boolean;
  onFormat: () => void;
  isReviewing: boolean;
  onReviewToggle: () => void;
  /** Leaves the editor, forgetting the edits. */
  onDiscard: () => void;
  onSave: () => void;
  isSaving: boolean;
  canSave: boolean;
}

/** The editor's state and actions: view switch, format, review, discard, save. */
export function EditorToolbar(props: EditorToolbarProps) {
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm">
        Editing, based on version <strong>{props.baseVersion}</strong>
        {props.isDirty ? ' — unsaved changes' : ''}
      </Text>
      <Group gap="xs">
        {props.view === null ? null : (
          <SegmentedControl
            size="xs"
            aria-label="Editor view"
            data={[
              { label: 'JSON', value: 'json' },
              { label: 'Form', value: 'form' },
            ]}
            value={props.view}
            onChange={(value) => {
              props.onViewChange(value === 'form' ? 'form' : 'json');
            }}
          />
        )}
        <Button variant="default" size="xs" onClick={props.onFormat} disabled={!props.canFormat}>
          Format document
        </Button>
        <Button variant="default" size="xs" aria-pressed={props.isReviewing} onClick={props.onReviewToggle}>
          {props.isReviewing ? 'Back to editing' : 'Review changes'}
        </Button>
        <Button variant="default" size="xs" onClick={props.onDiscard}>
          {props.isDirty ? 'Discard edits' : 'Close editor'}
        </Button>
        <Button size="xs" onClick={props.onSave} loading={props.isSaving} disabled={!props.canSave}>
          Save
        </Button>
      </Group>
    </Group>
  );
}
