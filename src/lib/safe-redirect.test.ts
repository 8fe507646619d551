import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  it('keeps console paths with their query and hash', () => {
    expect(safeRedirectPath('/projects/bank/environments/dev')).toBe('/projects/bank/environments/dev');
    expect(safeRedirectPath('/projects?filter=x#top')).toBe('/projects?filter=x#top');
  });

  it('sends anything that could leave the console home', () => {
    for (const value of [
      undefined,
      null,
      '',
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      'javascript:alert(1)',
      'projects/bank',
    ]) {
      expect(safeRedirectPath(value)).toBe('/');
    }
  });

  it('does not return to the sign-in page itself', () => {
    expect(safeRedirectPath('/sign-in?redirect=%2Fprojects')).toBe('/');
  });
});
