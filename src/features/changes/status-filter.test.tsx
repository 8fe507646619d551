import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActivityStatus } from '@contract/change';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { StatusFilter, statusSummary } from './status-filter';

function Harness({
  initial,
  onChange,
}: {
  initial?: ActivityStatus[];
  onChange: (value: ActivityStatus[] | undefined) => void;
}) {
  const [value, setValue] = useState<ActivityStatus[] | undefined>(initial);
  return (
    <StatusFilter
      value={value}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
      width={240}
    />
  );
}

describe('statusSummary', () => {
  it('names up to two statuses and counts the rest', () => {
    expect(statusSummary(undefined)).toBe('Any status');
    expect(statusSummary([])).toBe('Any status');
    expect(statusSummary(['waiting_for_approval'])).toBe('Waiting for approval');
    expect(statusSummary(['running', 'error'])).toBe('Running, Error');
    expect(statusSummary(['running', 'error', 'success', 'queued'])).toBe('Queued, Running +2');
    expect(statusSummary(['error', 'running'])).toBe('Running, Error');
  });
});

describe('StatusFilter', () => {
  it('is a button named by its label and what is chosen, opening checkboxes that report in the contract order', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);

    const button = screen.getByRole('button', { name: 'Status Any status' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    const group = within(dialog).getByRole('group', { name: 'Show only these statuses' });
    await user.click(within(group).getByRole('checkbox', { name: 'Error' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Running' }));

    expect(onChange).toHaveBeenLastCalledWith(['running', 'error']);
    expect(screen.getByRole('button', { name: 'Status Running, Error' })).toBeInTheDocument();
  });

  it('clears back to any status, and closes with Escape returning focus to the button', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={['success', 'cancelled', 'error']} onChange={onChange} />);

    const button = screen.getByRole('button', { name: 'Status Success, Error +1' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('checkbox', { name: 'Cancelled' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Any status' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(within(dialog).getByRole('checkbox', { name: 'Cancelled' })).not.toBeChecked();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Status Any status' })).toHaveFocus();
  });
});
