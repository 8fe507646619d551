import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { recordServerDenial } from '@/lib/server-denials';
import { GuardedButton } from './guarded-button';

describe('GuardedButton', () => {
  it('acts when allowed', async () => {
    const onClick = vi.fn();
    const { user } = renderWithProviders(
      <GuardedButton deniedReason={null} onClick={onClick}>
        Rename
      </GuardedButton>,
    );

    await user.click(screen.getByRole('button', { name: 'Rename' }));

    expect(onClick).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Rename' })).not.toHaveAttribute('aria-disabled');
  });

  it('stays focusable but disabled when denied, and says why on hover, focus and to screen readers', async () => {
    const onClick = vi.fn();
    const reason = 'You need update permission on /projects/bank to rename it';
    const { user } = renderWithProviders(
      <GuardedButton deniedReason={reason} onClick={onClick}>
        Rename
      </GuardedButton>,
    );
    const button = screen.getByRole('button', { name: 'Rename' });

    await user.tab();
    expect(button).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(reason);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(reason);

    await user.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('becomes denied with the server’s reason once a refusal of its action is recorded, keeping its place and focus', async () => {
    const onClick = vi.fn();
    const { user, queryClient } = renderWithProviders(
      <GuardedButton
        deniedReason={null}
        deniable={{ resource: '/projects/bank', action: 'edit' }}
        onClick={onClick}
      >
        Rename
      </GuardedButton>,
    );
    const button = screen.getByRole('button', { name: 'Rename' });
    await user.tab();

    act(() => {
      recordServerDenial(
        queryClient,
        { resource: '/projects/bank', action: 'edit' },
        'You are not permitted to update /projects/bank',
      );
    });

    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('You are not permitted to update /projects/bank');
    await user.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('says the reason from meta first when both meta and the server deny the action', () => {
    const { queryClient } = renderWithProviders(
      <GuardedButton
        deniedReason="You need update permission on /projects/bank to archive it"
        deniable={{ resource: '/projects/bank', action: 'archive' }}
      >
        Archive
      </GuardedButton>,
    );
    act(() => {
      recordServerDenial(
        queryClient,
        { resource: '/projects/bank', action: 'archive' },
        'You are not permitted to archive /projects/bank',
      );
    });

    expect(screen.getByRole('button', { name: 'Archive' })).toHaveAccessibleDescription(
      'You need update permission on /projects/bank to archive it',
    );
  });
});
