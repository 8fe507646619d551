import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsolePlaceholder } from '@/app/console-placeholder';
import { theme } from '@/app/theme';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <ConsolePlaceholder />
    </MantineProvider>
  </StrictMode>,
);
