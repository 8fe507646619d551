import { Checkbox, Group, NumberInput } from '@mantine/core';

export interface RetentionInputProps {
  label: string;
  description: string;
  value: unknown;
  readOnly: boolean;
  placeholder: string;
  /** A whole number of days, null for "keep forever", undefined to remove the key. */
  onChange: (next: number | null | undefined) => void;
}

/** Days to keep logs or events: a number, "keep forever" (null), or nothing set here. */
export function RetentionInput({
  label,
  description,
  value,
  readOnly,
  placeholder,
  onChange,
}: RetentionInputProps) {
  const keepForever = value === null;
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <NumberInput
        label={label}
        description={description}
        placeholder={placeholder}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        w={260}
        readOnly={readOnly}
        disabled={keepForever}
        value={typeof value === 'number' ? value : ''}
        onChange={(next) => {
          onChange(typeof next === 'number' ? next : undefined);
        }}
      />
      <Checkbox
        label="Keep forever (null)"
        aria-label={`Keep forever (null): ${label}`}
        checked={keepForever}
        disabled={readOnly}
        onChange={(event) => {
          onChange(event.currentTarget.checked ? null : undefined);
        }}
        mb={8}
      />
    </Group>
  );
}
