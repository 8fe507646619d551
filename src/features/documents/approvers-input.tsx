import { TagsInput } from '@mantine/core';
import { formatNameList, parseNameList } from '@/lib/settings-document';

export interface ApproversInputProps {
  value: unknown;
  users: readonly string[];
  groups: readonly string[];
  readOnly: boolean;
  description: string;
  placeholder: string;
  /** The comma-separated list, or undefined when the user cleared every name. */
  onChange: (next: string | undefined) => void;
}

/** Users and groups whose approval changes wait for; free names too (LDAP users appear after sign-in). */
export function ApproversInput({
  value,
  users,
  groups,
  readOnly,
  description,
  placeholder,
  onChange,
}: ApproversInputProps) {
  const names = parseNameList(value);
  const data = [
    { group: 'Users', items: [...users] },
    { group: 'Groups', items: groups.filter((group) => !users.includes(group)) },
  ].filter((section) => section.items.length > 0);
  return (
    <TagsInput
      label="Requires approval from"
      description={description}
      placeholder={names.length === 0 ? placeholder : undefined}
      data={data}
      value={names}
      readOnly={readOnly}
      clearable={!readOnly}
      splitChars={[',']}
      acceptValueOnBlur
      onChange={(next) => {
        onChange(next.length === 0 ? undefined : formatNameList(next));
      }}
    />
  );
}
