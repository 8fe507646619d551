import { createTheme, Notification, type CSSVariablesResolver, type TooltipProps } from '@mantine/core';

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
    // The active navigation link under the pointer: Mantine's light scheme draws blue 8 text on blue 2
    // (3.4:1). Blue 9 on blue 1 keeps 4.9:1; the dark scheme's own colours already pass.
    NavLink: {
      vars: () => ({
        root: {
          '--nl-color':
            'light-dark(var(--mantine-primary-color-9), var(--mantine-primary-color-light-color))',
          '--nl-hover':
            'light-dark(var(--mantine-primary-color-1), var(--mantine-primary-color-light-hover))',
        },
      }),
    },
    // Every tooltip stays inside the window, even next to its right edge in a narrow one: rendered in a
    // portal (no scroll container or overflow clips it), flipped or shifted back into view by 8 px, and
    // wrapped rather than wider than the window (a long permission reason, a commit SHA).
    // A plain object, not `Tooltip.extend`: importing Tooltip here would put it and Floating UI (~23 KB gzip)
    // into the first-load chunk, which the theme is part of.
    Tooltip: {
      defaultProps: {
        withinPortal: true,
        multiline: true,
        middlewares: { flip: true, shift: { padding: 8 }, inline: false },
      } satisfies Partial<TooltipProps>,
      styles: {
        tooltip: { maxWidth: 'min(320px, calc(100vw - 16px))', overflowWrap: 'anywhere' },
      },
    },
  },
});

// Mantine's dimmed text (gray 6 on white, dark 2 on dark 7) measures about 3.3:1; one shade stronger
// passes WCAG AA for small text in both schemes. So does a field's error text: Mantine's red 6 on white
// measures 3.3:1 (axe); red 9 on white and red 5 on dark pass.
//
// The light variant (light buttons, badges, row actions) draws shade 9 text on shade 1, and on shade 2 under
// the pointer: blue measures 4.0:1 hovered, green 3.4:1, orange 3.2:1. Its text colour is shade 9 darkened
// just enough to keep 4.5:1 on shade 2 for every colour (theme.test.ts measures it).
export const lightVariantTextColors: Readonly<Record<string, string>> = {
  dark: '#141414',
  gray: '#212529',
  red: '#ab2424',
  pink: '#a61e4d',
  grape: '#862e9c',
  violet: '#5637b0',
  indigo: '#3147b3',
  blue: '#165a9a',
  cyan: '#0a6778',
  teal: '#076c4d',
  green: '#226e32',
  lime: '#456f0a',
  yellow: '#a15300',
  orange: '#a3360b',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.entries(lightVariantTextColors).map(([name, color]) => [
        `--mantine-color-${name}-light-color`,
        color,
      ]),
    ),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-5)',
  },
});
