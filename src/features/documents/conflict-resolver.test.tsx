import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import type { DiffEditorProps } from '@/ui/code-editor-types';
import { ConflictResolver } from './conflict-resolver';

// Monaco stays out of unit tests (importing it under happy-dom costs ~15 s).
vi.mock('@/ui/code-editor', () => ({
  DiffEditor: ({ label, sideNames }: DiffEditorProps) => (
    <p>
      Diff: {label} ({sideNames?.join(' | ')})
    </p>
  ),
}));

const conflicts = [
  { pointer: '/image', mine: 'web:1.1', theirs: 'web:2.0' },
  { pointer: '/db/port', mine: 6543, theirs: undefined },
];

function renderResolver() {
  const onResolve = vi.fn();
  const onOverwrite = vi.fn();
  const view = renderWithProviders(
    <ConflictResolver
      kind="properties"
      theirs={{ version: 7, data: { image: 'web:2.0' } }}
      mineText='{"image": "web:1.1", "db": {"port": 6543}}'
      conflicts={conflicts}
      isSaving={false}
      onResolve={onResolve}
      onBack={vi.fn()}
      onOverwrite={onOverwrite}
    />,
  );
  return { ...view, onResolve, onOverwrite };
}

describe('ConflictResolver', () => {
  it('shows both versions and waits until every conflict is decided', async () => {
    const { user, onResolve } = renderResolver();
    expect(screen.getByText(/version 7 \(theirs\) \| your edit \(mine\)/)).toBeInTheDocument();
    const apply = screen.getByRole('button', { name: 'Use these decisions' });
    expect(apply).toBeDisabled();
    expect(screen.getByText('2 of 2 conflicts still to decide')).toBeInTheDocument();

    await user.click(
      within(screen.getByRole('radiogroup', { name: 'Decision for /image' })).getByRole('radio', {
        name: 'Keep theirs',
      }),
    );
    expect(apply).toBeDisabled();
    await user.click(
      within(screen.getByRole('radiogroup', { name: 'Decision for /db/port' })).getByRole('radio', {
        name: 'Edit by hand',
      }),
    );
    const value = screen.getByRole('textbox', { name: 'Value for /db/port' });
    await user.clear(value);
    await user.type(value, '{{"broken"');
    expect(apply).toBeDisabled();
    await user.clear(value);
    await user.type(value, '7000');
    await user.click(apply);

    expect(onResolve).toHaveBeenCalledWith(
      new Map([
        ['/image', { kind: 'theirs' }],
        ['/db/port', { kind: 'value', value: 7000 }],
      ]),
    );
  });

  it('overwrites only after a confirmation that names the version', async () => {
    const { user, onOverwrite } = renderResolver();
    await user.click(screen.getByRole('button', { name: 'Overwrite version 7' }));
    const dialog = await screen.findByRole('dialog', { name: 'Overwrite version 7?' });
    expect(onOverwrite).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Overwrite version 7' }));
    expect(onOverwrite).toHaveBeenCalledTimes(1);
  });
});
