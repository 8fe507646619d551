import { Button, Group, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

export interface NotificationTargetRowProps {
  name: string;
  urls: unknown;
  readOnly: boolean;
  /** False when the name is taken or empty (the row keeps its old name and says why). */
  onRename: (next: string) => boolean;
  onUrlsChange: (next: string[]) => void;
  onRemove: () => void;
}

const toLines = (urls: unknown) =>
  Array.isArray(urls)
    ? urls.map((url) => (typeof url === 'string' ? url : JSON.stringify(url))).join('\n')
    : '';
const fromLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** One named notification target and its URLs (one a line). Renames apply when the name field is left. */
export function NotificationTargetRow({
  name,
  urls,
  readOnly,
  onRename,
  onUrlsChange,
  onRemove,
}: NotificationTargetRowProps) {
  const [draftName, setDraftName] = useState(name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [text, setText] = useState(() => toLines(urls));
  // The document may change from the JSON view; show its URLs unless they are what this text already says.
  const shownText = fromLines(text).join('\n') === toLines(urls) ? text : toLines(urls);

  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <TextInput
        label="Target name"
        w={200}
        value={draftName}
        readOnly={readOnly}
        error={nameError}
        onChange={(event) => {
          setDraftName(event.currentTarget.value);
          setNameError(null);
        }}
        onBlur={() => {
          const next = draftName.trim();
          if (next === name) return;
          if (!onRename(next))
            setNameError(next === '' ? 'Give the target a name' : `${next} is already a target`);
        }}
      />
      <Textarea
        label={`URLs of ${name}`}
        description="One URL a line"
        autosize
        minRows={1}
        maxRows={6}
        style={{ flex: 1, minWidth: 240 }}
        value={shownText}
        readOnly={readOnly}
        onChange={(event) => {
          setText(event.currentTarget.value);
          onUrlsChange(fromLines(event.currentTarget.value));
        }}
      />
      {readOnly ? null : (
        <Button variant="default" size="xs" mt={24} onClick={onRemove} aria-label={`Remove target ${name}`}>
          Remove
        </Button>
      )}
    </Group>
  );
}
