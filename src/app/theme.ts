import { createTheme, Notification, type CSSVariablesResolver } from '@mantine/core';

// Shade 8 of the primary colour keeps button and link text at 4.5:1 contrast or better (axe, WCAG AA);
// Mantine's default shade 6 measures 3.5:1.
export const theme = createTheme({
  primaryShade: 8,
  components: {
    // Mantine's notification description measures 3.3:1 and its close button has no name (TOOLCHAIN.md).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    }),
  },
});

// Mantine's dimmed text (gray 6 on white, dark 2 on dark 7) measures about 3.3:1; one shade stronger
// passes WCAG AA for small text in both schemes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
