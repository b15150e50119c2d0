import { expect, type Page, test } from './fixtures';
import { demoPassword, expectNoAxeViolations } from './support';

// By ids and types, so the same steps work in either language.
async function logInAs(page: Page, email: string) {
  await page.goto('/log-ind');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(demoPassword);
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL('/min-side');
}

const signedOut: Record<string, (page: Page) => Promise<void>> = {
  '/log-ind': async () => {},
  // With the error summary and field errors showing.
  '/opret-bruger': async (page) => {
    await page.locator('main form button[type=submit]').click();
    await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
  },
  '/glemt-adgangskode': async () => {},
  '/nulstil-adgangskode?token=abc': async () => {},
  '/bekraeft-email?token=abc': async () => {},
};

const asAdmin: Record<string, (page: Page) => Promise<void>> = {
  // With the two-factor setup open.
  '/min-side': async (page) => {
    await page.locator('form:has(input[value=totp-setup]) button').click();
    await expect(page.locator('#totp-code')).toBeVisible();
  },
  '/admin/brugere': async () => {},
  '/admin/brugere?q=medarbejder': async (page) => {
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/admin\/brugere\/[0-9a-f-]{36}$/);
  },
  '/admin/log': async () => {},
  '/admin/postkasse': async () => {},
  '/admin/jobber': async () => {},
  '/admin/jobber?tilstand=udfoert': async () => {},
};

// English shares the markup; a few pages there catch untranslated or unmarked text.
const inEnglish = new Set(['/log-ind', '/min-side', '/admin/jobber']);

for (const language of ['da', 'en'] as const) {
  test.describe(`axe on the account pages, in ${language}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: 'lng', value: language, url: baseURL ?? '' }]);
    });

    for (const [path, prepare] of Object.entries(signedOut)) {
      if (language === 'en' && !inEnglish.has(path)) continue;
      test(`${path} has no violations`, { tag: '@needs-js' }, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await prepare(page);
        await expectNoAxeViolations(page);
      });
    }

    // One sign-in for all of them: a test each spent most of its time signing in.
    test('the pages signed in as admin have no violations', { tag: '@needs-js' }, async ({ page }) => {
      await logInAs(page, 'admin@brobygger.test');
      for (const [path, prepare] of Object.entries(asAdmin)) {
        if (language === 'en' && !inEnglish.has(path)) continue;
        await test.step(path, async () => {
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          await prepare(page);
          await expectNoAxeViolations(page);
        });
      }
    });
  });
}

test('the 403 page has no violations', { tag: '@needs-js' }, async ({ page }) => {
  await logInAs(page, 'frivillig@brobygger.test');
  const response = await page.goto('/admin/log');
  expect(response?.status()).toBe(403);
  await expectNoAxeViolations(page);
});
