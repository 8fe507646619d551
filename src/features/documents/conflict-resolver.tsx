import { Alert, Button, Code, Group, JsonInput, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DocumentKind } from '@/api/properties';
import { formatJson, isJsonValue, type ConflictResolution, type JsonValue } from '@/lib/json-merge3';
import { DiffEditor } from '@/ui/code-editor';
import { OverwriteDialog } from './overwrite-dialog';
import type { EditorBase } from './use-document-editor';

// The text colour for titles: Mantine's light green and yellow titles fail contrast (axe).
const TITLE_STYLES = { title: { color: 'var(--mantine-color-text)' } };

type Choice = 'mine' | 'theirs' | 'hand';

interface Decision {
  choice: Choice;
  /** The hand-edited value as JSON text; empty removes the key. */
  text: string;
}

/** One value both sides changed, as the resolver shows it. */
export interface ConflictEntry {
  pointer: string;
  mine: JsonValue | undefined;
  theirs: JsonValue | undefined;
}

export interface ConflictResolverProps {
  kind: DocumentKind;
  theirs: EditorBase;
  /** The editor's document when the conflict was found. */
  mineText: string;
  conflicts: readonly ConflictEntry[];
  isSaving: boolean;
  onResolve: (resolutions: ReadonlyMap<string, ConflictResolution>) => void;
  onBack: () => void;
  onOverwrite: () => void;
}

const shown = (value: JsonValue | undefined) => (value === undefined ? '(removed)' : JSON.stringify(value));

/** The hand-edited value, or the reason it is not one. Empty text removes the key. */
function handValue(text: string): { ok: true; value: JsonValue | undefined } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    const value: unknown = JSON.parse(text);
    return isJsonValue(value) ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function toResolution(decision: Decision | undefined): ConflictResolution | null {
  if (decision === undefined) return null;
  if (decision.choice !== 'hand') return { kind: decision.choice };
  const parsed = handValue(decision.text);
  return parsed.ok ? { kind: 'value', value: parsed.value } : null;
}

/**
 * Both versions side by side with, for every value both changed, keep mine / keep theirs / edit by hand.
 * Nothing is saved until each conflict is decided; overwriting their version is a separate, confirmed action.
 */
export function ConflictResolver({
  kind,
  theirs,
  mineText,
  conflicts,
  isSaving,
  onResolve,
  onBack,
  onOverwrite,
}: ConflictResolverProps) {
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(new Map());
  const [isConfirming, setConfirming] = useState(false);
  const resolutions = conflicts.map((conflict) => toResolution(decisions.get(conflict.pointer)));
  const undecided = resolutions.filter((resolution) => resolution === null).length;
  const decide = (pointer: string, patch: Partial<Decision>, fallbackText: string) => {
    setDecisions((previous) => {
      const next = new Map(previous);
      next.set(pointer, { choice: 'mine', text: fallbackText, ...previous.get(pointer), ...patch });
      return next;
    });
  };
  const handleResolve = () => {
    const map = new Map<string, ConflictResolution>();
    conflicts.forEach((conflict, index) => {
      const resolution = resolutions[index];
      if (resolution !== undefined && resolution !== null) map.set(conflict.pointer, resolution);
    });
    if (map.size === conflicts.length) onResolve(map);
  };

  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        styles={TITLE_STYLES}
        title={`Version ${String(theirs.version)} changed the same values as you`}
      >
        Someone saved version {theirs.version} while you were editing, and {conflicts.length} of the values
        you changed were changed there too. Decide each one below; nothing is saved until every conflict is
        decided. Their version is on the left, yours on the right.
      </Alert>
      <DiffEditor
        original={formatJson(theirs.data)}
        modified={mineText}
        language="json"
        label={`Conflicting versions of the ${kind}`}
        sideNames={[`version ${String(theirs.version)} (theirs)`, 'your edit (mine)']}
        height="40vh"
      />
      {conflicts.map((conflict) => {
        const decision = decisions.get(conflict.pointer);
        const isHandInvalid = decision?.choice === 'hand' && !handValue(decision.text).ok;
        return (
          <Stack key={conflict.pointer} gap={4}>
            <Radio.Group
              label={`Decision for ${conflict.pointer}`}
              value={decision?.choice ?? null}
              onChange={(value) => {
                decide(conflict.pointer, { choice: value }, formatJson(conflict.mine));
              }}
            >
              <Text size="sm">
                Theirs: <Code>{shown(conflict.theirs)}</Code> · Mine: <Code>{shown(conflict.mine)}</Code>
              </Text>
              <Group mt={6} gap="lg">
                <Radio value="mine" label="Keep mine" />
                <Radio value="theirs" label="Keep theirs" />
                <Radio value="hand" label="Edit by hand" />
              </Group>
            </Radio.Group>
            {decision?.choice === 'hand' ? (
              <JsonInput
                label={`Value for ${conflict.pointer}`}
                description="Any JSON value; leave empty to remove the key."
                autosize
                minRows={2}
                value={decision.text}
                error={isHandInvalid ? 'This is not valid JSON.' : undefined}
                onChange={(text) => {
                  decide(conflict.pointer, { text }, text);
                }}
              />
            ) : null}
          </Stack>
        );
      })}
      <Group justify="space-between">
        <Group>
          <Button onClick={handleResolve} disabled={undecided > 0}>
            Use these decisions
          </Button>
          <Button variant="default" onClick={onBack}>
            Back to my edit
          </Button>
          {undecided > 0 ? (
            <Text size="sm" aria-live="polite">
              {undecided} of {conflicts.length} conflicts still to decide
            </Text>
          ) : null}
        </Group>
        <Button
          color="red"
          variant="outline"
          loading={isSaving}
          onClick={() => {
            setConfirming(true);
          }}
        >
          Overwrite version {theirs.version}
        </Button>
      </Group>
      <OverwriteDialog
        opened={isConfirming}
        kind={kind}
        version={theirs.version}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          setConfirming(false);
          onOverwrite();
        }}
      />
    </Stack>
  );
}
