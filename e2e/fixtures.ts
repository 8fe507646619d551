import { AxeBuilder } from '@axe-core/playwright';
import type { DemoUser } from '../contract/demo-users.ts';
import { test as base, expect, type APIRequestContext } from '@playwright/test';

export const JSON_API = 'application/vnd.api+json';

interface AxeCheckOptions {
  /** CSS selector to limit the check to. */
  include?: string;
}

interface Fixtures {
  /** Console messages of type error that a test expects (for example a 401 it provokes). */
  allowedConsoleErrors: RegExp[];
  /** Runs axe on the current page and fails on serious or critical WCAG 2.1 A/AA violations (label in name included). */
  axe: (options?: AxeCheckOptions) => Promise<void>;
  /** A REST client signed in (HTTP Basic) as a demo user, for seeding over the API. */
  api: (user?: DemoUser) => Promise<APIRequestContext>;
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],

  // Fails the test on any uncaught page error or console error the test did not allow.
  page: async ({ page, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => {
      problems.push(`uncaught ${error.name}: ${error.message}`);
    });
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !allowedConsoleErrors.some((allowed) => allowed.test(text))) {
        problems.push(`console error: ${text}`);
      }
    });
    await use(page);
    expect(problems, 'errors in the browser while the test ran').toEqual([]);
  },

  axe: async ({ page }, use) => {
    await use(async ({ include } = {}) => {
      // Label in name (WCAG 2.5.3) is still experimental in axe 4.13, so the tags alone leave it out;
      // newer axe releases run it by default. `options` replaces all options, so it comes before `withTags`.
      const builder = new AxeBuilder({ page })
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
      const results = await (include === undefined ? builder : builder.include(include)).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => {
          // Each node with axe's own finding (for contrast: the measured ratio and both colours).
          const targets = violation.nodes
            .map((node) => {
              const finding = node.any[0]?.message;
              return finding === undefined ? node.target.join(' ') : `${node.target.join(' ')} (${finding})`;
            })
            .join(', ');
          return `${violation.id} (${String(violation.impact)}): ${violation.help} at ${targets}`;
        });
      expect(serious, 'serious or critical accessibility violations').toEqual([]);
    });
  },

  api: async ({ playwright, baseURL }, use) => {
    const contexts: APIRequestContext[] = [];
    await use(async (user = 'opschain') => {
      const context = await playwright.request.newContext({
        ...(baseURL === undefined ? {} : { baseURL }),
        httpCredentials: { username: user, password: user, send: 'always' },
        extraHTTPHeaders: { accept: JSON_API },
      });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.dispose()));
  },
});

export { expect };
