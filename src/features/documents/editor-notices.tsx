import { Alert, Button, Code, Group, List, Text } from '@mantine/core';
import type { MergeState } from './use-document-editor';

// The text colour for titles: Mantine's light green and yellow titles fail contrast (axe).
const TITLE_STYLES = { title: { color: 'var(--mantine-color-text)' } };

export interface EditorNoticesProps {
  /** The draft this session restored: the version it started from, and the version it restores (if any). */
  restored: { baseVersion: number; restoredFrom: number | undefined } | null;
  /** A version newer than the one the edit builds on, noticed while editing; null when there is none. */
  newerVersion: number | null;
  merge: MergeState;
  isDraftKept: boolean;
  onMergeNow: () => void;
}

const LISTED_PATHS = 20;

/** What the editor tells the user about the session: restored draft, newer version, merge outcome. */
export function EditorNotices({
  restored,
  newerVersion,
  merge,
  isDraftKept,
  onMergeNow,
}: EditorNoticesProps) {
  return (
    <>
      {restored?.restoredFrom === undefined ? null : (
        <Alert
          color="blue"
          styles={TITLE_STYLES}
          title={`Restoring version ${String(restored.restoredFrom)}`}
        >
          The editor holds version {restored.restoredFrom}. Review it and save to make it the current version
          (a new version; the history keeps every other).
        </Alert>
      )}
      {restored !== null && restored.restoredFrom === undefined ? (
        <Alert color="blue" styles={TITLE_STYLES} title="Unsaved edits restored">
          Your unsaved edits from this tab are back, built on version {restored.baseVersion}.
        </Alert>
      ) : null}
      {newerVersion === null ? null : (
        <Alert color="yellow" styles={TITLE_STYLES} title="A newer version was saved" role="status">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              Version {newerVersion} was saved since you started editing — merge it into your edit now.
            </Text>
            <Button size="xs" onClick={onMergeNow}>
              Merge now
            </Button>
          </Group>
        </Alert>
      )}
      {merge.kind === 'merged' ? (
        <Alert
          color="green"
          styles={TITLE_STYLES}
          title={`Merged with version ${String(merge.version)}`}
          role="status"
        >
          <Text size="sm">
            {merge.fromTheirs.length === 0
              ? `Nothing needed to come from version ${String(merge.version)}.`
              : `${String(merge.fromTheirs.length)} value(s) came from version ${String(merge.version)}:`}
            {merge.decided > 0 ? ` You decided ${String(merge.decided)} conflict(s).` : ''} Check the result
            and save it as the next version.
          </Text>
          {merge.fromTheirs.length === 0 ? null : (
            <List size="sm" aria-label={`Values from version ${String(merge.version)}`}>
              {merge.fromTheirs.slice(0, LISTED_PATHS).map((pointer) => (
                <List.Item key={pointer}>
                  <Code>{pointer}</Code>
                </List.Item>
              ))}
              {merge.fromTheirs.length > LISTED_PATHS ? (
                <List.Item>and {merge.fromTheirs.length - LISTED_PATHS} more</List.Item>
              ) : null}
            </List>
          )}
        </Alert>
      ) : null}
      {isDraftKept ? null : (
        <Alert color="yellow" styles={TITLE_STYLES} title="Draft not kept">
          This browser tab could not keep a draft of your edits (its storage is full or disabled): save before
          leaving the page.
        </Alert>
      )}
    </>
  );
}
