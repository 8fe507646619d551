import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { ExportCsvButton } from './export-csv-button';

describe('ExportCsvButton', () => {
  it('is named by its visible text first, then the list it exports (label in name)', () => {
    renderWithProviders(
      <ExportCsvButton
        request={{ path: '/projects/bank/environments', fileName: 'bank-environments.csv' }}
        what="environments"
      />,
    );

    const button = screen.getByRole('button', { name: 'Export CSV of the environments' });
    // Speech input users say what they see: the name must start with the visible text.
    expect(button).toHaveTextContent(/^Export CSV/);
  });
});
