import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsolePlaceholder } from './console-placeholder';
import { theme } from './theme';

describe('ConsolePlaceholder', () => {
  it('names the console in a top-level heading inside the main landmark', () => {
    render(
      <MantineProvider theme={theme}>
        <ConsolePlaceholder />
      </MantineProvider>,
    );

    const main = screen.getByRole('main');
    expect(main).toContainElement(screen.getByRole('heading', { level: 1, name: 'OpsChain Console' }));
    expect(main).toHaveTextContent('The OpsChain API emulator answers at /api.');
  });
});
