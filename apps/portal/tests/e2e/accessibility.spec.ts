import { expect, test } from './fixtures';
import { expectNoAxeViolations, latestMailTo, logIn, registerThroughApi, uniqueEmail } from './support';

// Each public page template once in Danish; English shares the markup, and a few pages there catch
// untranslated or unmarked text. The six focus areas share one template (kvinder has the most on it).
const pages = [
  '/',
  '/fokusomraader',
  '/fokusomraader/kvinder',
  '/tilgaengelighed',
  '/arrangementer',
  '/findes-ikke',
  '/fokusomraader/findes-ikke',
];
const inEnglish = new Set(['/', '/fokusomraader/kvinder', '/arrangementer']);

for (const language of ['da', 'en'] as const) {
  test.describe(`axe, WCAG 2.1 A and AA, in ${language}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: 'lng', value: language, url: baseURL ?? '' }]);
    });

    for (const path of language === 'da' ? pages : pages.filter((page) => inEnglish.has(page))) {
      // axe runs inside the page, so only the JavaScript project runs it (@needs-js); the markup
      // it checks is the same server-rendered markup the no-JavaScript project gets.
      test(`${path} has no violations`, { tag: '@needs-js' }, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expectNoAxeViolations(page);
      });
    }
  });
}

test('the footer links to the accessibility statement', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page).toHaveURL('/tilgaengelighed');
  await expect(page).toHaveTitle('Tilgængelighedserklæring · Brobygger — Skanderborg Kommune');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilgængelighedserklæring for Brobygger');
  await expect(page.getByRole('main')).toContainText('WCAG 2.1 på niveau AA');
  await expect(page.getByRole('heading', { name: 'Ikke-tilgængeligt indhold' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Feedback og kontaktoplysninger' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Håndhævelsesprocedure' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /^Telefon/ })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /^E-mail/ })).toBeVisible();
});

// Events and sign-up (issue 9): each page template once, in Danish.
test.describe('axe on the event pages', () => {
  test('an event, signed in with a sign-up, and my page have no violations', { tag: '@needs-js' }, async ({
    page,
  }) => {
    await logIn(page, 'frivillig@brobygger.test');
    await page.goto('/arrangementer');
    await page.getByRole('link', { name: 'Koordineringsmøde for frivillige' }).click();
    await expectNoAxeViolations(page);
    const signUp = page.getByRole('button', { name: 'Tilmeld mig' });
    if (await signUp.isVisible()) await signUp.click();
    await expect(page.getByRole('button', { name: 'Meld mig fra' })).toBeVisible();
    await page.goto('/min-side');
    await expectNoAxeViolations(page);
  });

  test('the event form, with errors, has no violations', { tag: '@needs-js' }, async ({ page }) => {
    await logIn(page, 'medarbejder@brobygger.test');
    await page.goto('/arrangementer/ny');
    await page.getByRole('button', { name: 'Gem arrangementet' }).click();
    await expect(page.getByText('Der er problemer med formularen')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/arrangementer');
    await page.getByRole('link', { name: 'Dialogmøde med frivillige med flygtningebaggrund' }).click();
    await page.getByRole('link', { name: 'Rediger arrangementet' }).click();
    await expectNoAxeViolations(page);
  });
});

// Events extras (issue 9): each new page template once, in Danish.
test.describe('axe on the events extras pages', () => {
  test('guest sign-up, the guest link page with a code, the member code page, participants and the calendar feed', {
    tag: '@needs-js',
  }, async ({ page, baseURL }) => {
    await page.goto('/arrangementer');
    await page.getByRole('link', { name: 'Dialogmøde med frivillige med flygtningebaggrund' }).click();
    const eventId = new URL(page.url()).pathname.split('/')[2];
    await page.getByRole('link', { name: 'Tilmeld dig uden bruger' }).click();
    await page.getByRole('button', { name: 'Send mig et link' }).click();
    await expect(page.getByText('Der er problemer med formularen')).toBeVisible();
    await expectNoAxeViolations(page);
    const email = uniqueEmail('axe-gaest');
    await page.getByLabel('Navn').fill('Axe Gæst');
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Send mig et link' }).click();
    await expect(page.getByText(`Vi har sendt et link til ${email}`)).toBeVisible();
    const link =
      (await latestMailTo(baseURL, email)).match(/\/arrangementer\/gaest\/[a-z2-7]{32}/)?.[0] ?? '';
    await page.goto(link);
    await page.getByRole('button', { name: 'Bekræft tilmeldingen' }).click();
    await expect(page.getByRole('heading', { name: 'Din kode til indtjekning' })).toBeVisible();
    await expectNoAxeViolations(page);

    const member = uniqueEmail('axe-medlem');
    await registerThroughApi(baseURL, member, 'et-godt-kodeord-1');
    await logIn(page, member, 'et-godt-kodeord-1');
    await page.goto(`/arrangementer/${eventId}`);
    await page.getByRole('button', { name: 'Tilmeld mig' }).click();
    await page.getByRole('link', { name: 'Vis min kode til indtjekning' }).click();
    await expect(page.getByRole('heading', { name: 'Din kode til indtjekning' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/min-side/kalender');
    await page.getByRole('button', { name: 'Opret kalenderadresse' }).click();
    await expect(page.getByLabel('Din nye kalenderadresse')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.context().clearCookies();
    await logIn(page, 'medarbejder@brobygger.test');
    await page.goto(`/arrangementer/${eventId}/deltagere`);
    await expect(page.getByRole('heading', { name: 'Tilmeldte' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
