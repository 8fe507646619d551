import { Autocomplete, Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useUrlBoundText } from '@/ui/use-url-bound-text';
import { formatWho, type WhoRef } from './security-search';

export interface CheckAccessFormProps {
  who: WhoRef | null;
  path: string;
  usernames: readonly string[];
  groupnames: readonly string[];
  /** Node paths to suggest while typing (more sub-paths can be typed by hand). */
  pathSuggestions: readonly string[];
  onChange: (patch: { who?: string | undefined; path?: string | undefined }) => void;
}

const SUB_PATHS = [
  '',
  '/properties',
  '/settings',
  '/changes',
  '/scheduled_activities',
  '/workflows',
  '/git_remotes',
];

/** Who (a user, a group's members, everyone) and where (a node, a node's sub-path, a global path). */
export function CheckAccessForm({
  who,
  path,
  usernames,
  groupnames,
  pathSuggestions,
  onChange,
}: CheckAccessFormProps) {
  // Which picker shows is a toggle until a user or group is picked; the URL holds only a complete answer.
  const [chosenKind, setChosenKind] = useState<WhoRef['kind'] | null>(null);
  const kind = who?.kind ?? chosenKind ?? 'user';
  const typed = useUrlBoundText(
    path,
    (value) => {
      onChange({ path: value === '' ? undefined : value });
    },
    400,
  );
  const needle = typed.value.trim();
  const suggestions =
    needle === ''
      ? pathSuggestions.slice(0, 20)
      : pathSuggestions
          .filter((candidate) => candidate.includes(needle))
          .slice(0, 10)
          .flatMap((candidate) =>
            candidate === needle ? SUB_PATHS.map((sub) => candidate + sub) : [candidate],
          );
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Whose access"
        value={kind}
        onChange={(value) => {
          const next = value === 'group' || value === 'everyone' ? value : 'user';
          setChosenKind(next);
          if (next === 'everyone') onChange({ who: 'everyone' });
          else if (who?.kind !== next) onChange({ who: undefined });
        }}
        data={[
          { value: 'user', label: 'A user' },
          { value: 'group', label: 'A group' },
          { value: 'everyone', label: 'Everyone' },
        ]}
        w="fit-content"
      />
      <Group align="flex-end" grow preventGrowOverflow={false}>
        {kind === 'user' ? (
          <Select
            label="User"
            placeholder="Pick a user"
            searchable
            data={[...usernames]}
            value={who?.kind === 'user' ? who.username : null}
            onChange={(username) => {
              onChange({ who: username === null ? undefined : formatWho({ kind: 'user', username }) });
            }}
            maw={320}
          />
        ) : null}
        {kind === 'group' ? (
          <Select
            label="Group"
            placeholder="Pick a group"
            searchable
            data={[...groupnames]}
            value={who?.kind === 'group' ? who.groupname : null}
            onChange={(groupname) => {
              onChange({ who: groupname === null ? undefined : formatWho({ kind: 'group', groupname }) });
            }}
            maw={320}
          />
        ) : null}
        <Autocomplete
          label="Path"
          description="A node (/projects/bank/environments/dev), a sub-path below it (…/properties, …/changes, …/actions/deploy) or a global path (/events)"
          placeholder="/projects/…"
          value={typed.value}
          data={[...new Set(suggestions)]}
          onChange={typed.onChange}
          miw={320}
        />
      </Group>
    </Stack>
  );
}
