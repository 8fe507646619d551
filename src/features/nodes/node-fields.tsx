import { TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { normaliseCode } from './node-code';

export interface NodeFieldValues {
  code: string;
  name: string;
  description: string;
}

export interface NodeFieldsProps<V extends NodeFieldValues> {
  form: UseFormReturnType<V>;
  /** Receives the code as typed, already made lowercase with underscores. */
  onCodeChange: (code: string) => void;
  /** "environment", "asset": used in the hints. */
  kind: string;
}

/** Code, name and description: the fields every node is created with. */
export function NodeFields<V extends NodeFieldValues>({ form, onCodeChange, kind }: NodeFieldsProps<V>) {
  return (
    <>
      <TextInput
        label="Code"
        required
        data-autofocus
        description={`Identifies the ${kind} in paths and URLs; it cannot be changed later.`}
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps('code')}
        onChange={(event) => {
          onCodeChange(normaliseCode(event.currentTarget.value));
        }}
      />
      <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
      <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
    </>
  );
}
