import { createTheme } from '@mantine/core';

// Shade 8 of the primary colour keeps button and link text at 4.5:1 contrast or better (axe, WCAG AA);
// Mantine's default shade 6 measures 3.5:1.
export const theme = createTheme({ primaryShade: 8 });
