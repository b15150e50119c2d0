import { test } from './fixtures';

// The guard every test carries (./fixtures.ts) must fail a test whose page throws: this one is
// expected to fail, and Playwright reports it as a failure if it passes.
test('a test whose page throws an uncaught error fails', { tag: '@needs-js' }, async ({ page }) => {
  test.fail();
  await page.goto('/');
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('thrown on purpose');
    }, 0);
  });
  await page.waitForTimeout(200);
});
