import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { SecretReferences } from './secret-references';

describe('SecretReferences', () => {
  it('lists each secret-vault value with its JSON pointer, as text', () => {
    renderWithProviders(
      <SecretReferences
        document={{
          opschain: { env: { DB_PASSWORD: 'secret-vault://db/<b>password</b>', PLAIN: 'x' } },
          'a/b': ['secret-vault://kv/token'],
        }}
      />,
    );
    const section = screen.getByRole('region', { name: 'Secret vault references' });
    expect(section).toHaveTextContent('2 values reference the secret vault');
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '/opschain/env/DB_PASSWORD → secret-vault://db/<b>password</b>',
      '/a~1b/0 → secret-vault://kv/token',
    ]);
    expect(section.querySelector('b')).toBeNull();
  });

  it('shows nothing when no value references the vault, and caps a long list', () => {
    const plain = renderWithProviders(<SecretReferences document={{ a: 'plain' }} />);
    expect(screen.queryByRole('region', { name: 'Secret vault references' })).toBeNull();
    plain.unmount();
    const many = Object.fromEntries(
      Array.from({ length: 25 }, (_, index) => [`k${String(index)}`, `secret-vault://s/${String(index)}`]),
    );
    renderWithProviders(<SecretReferences document={many} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(20);
    expect(screen.getByText('and 5 more')).toBeInTheDocument();
  });
});
