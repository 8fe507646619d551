import { DEFAULT_THEME, MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, lightVariantTextColors, theme } from './theme';

// WCAG relative luminance and contrast ratio of two #rrggbb colours.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const value = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('theme', () => {
  it('keeps light-variant text at 4.5:1 on its background and its hover background, for every colour', () => {
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const text = lightVariantTextColors[name];
      expect(text, name).toBeDefined();
      if (text === undefined) continue;
      expect(contrast(text, shades[1]), `${name} at rest`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text, shades[2]), `${name} hovered`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('puts the colours into the light scheme’s CSS variables', () => {
    render(
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <span />
      </MantineProvider>,
    );
    const css = [...document.querySelectorAll('style')].map((style) => style.textContent).join('\n');
    expect(css).toContain(`--mantine-color-blue-light-color: ${lightVariantTextColors.blue ?? ''}`);
  });
});
