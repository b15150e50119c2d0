import { test as base, expect } from '@playwright/test';

export * from '@playwright/test';

/**
 * Playwright's `test`, and one thing every test checks on its way out: no script in its pages
 * threw an uncaught error (a failed hydration, a broken island). Only the JavaScript project can
 * find any; the pages of browser contexts a test opens itself are not watched.
 */
export const test = base.extend<{ noUncaughtErrors: undefined }>({
  noUncaughtErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('weberror', (webError) => {
        errors.push(`${webError.page()?.url() ?? 'a page'}: ${webError.error().message}`);
      });
      await use(undefined);
      expect(errors, 'uncaught errors in the pages').toEqual([]);
    },
    { auto: true },
  ],
});
