import { type Browser, expect, type Page, test } from './fixtures';
import { demoPassword, latestMailTo, logIn, registerThroughApi, uniqueEmail } from './support';

// Shown once without JavaScript: the forms are the same; these flows need no second run there.
const header = (page: Page) => page.getByRole('navigation', { name: 'Din bruger' });

test('a volunteer logs in, sees Min side with roles and the session, and logs out', { tag: '@both' }, async ({
  page,
}) => {
  await page.goto('/min-side');
  await expect(page).toHaveURL('/log-ind?redirectTo=%2Fmin-side');

  await logIn(page, 'frivillig@brobygger.test', demoPassword, '/log-ind?redirectTo=%2Fmin-side');
  await expect(page).toHaveURL('/min-side');
  await expect(page).toHaveTitle('Min side · Brobygger — Skanderborg Kommune');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Min side');
  await expect(main).toContainText('frivillig@brobygger.test');
  await expect(main).toContainText('Frivillig');
  const sessions = main.getByRole('table', { name: 'Her er du logget ind' });
  await expect(sessions.getByRole('row').filter({ hasText: 'Denne browser' })).toHaveCount(1);
  await expect(header(page).getByRole('link', { name: /Frivillig/ })).toHaveAttribute('href', '/min-side');

  await header(page).getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL('/?besked=logget-ud');
  await expect(page.getByRole('status')).toContainText('Du er logget ud.');
  await expect(header(page).getByRole('link', { name: 'Log ind' })).toBeVisible();
  await expect(header(page).getByRole('link', { name: 'Opret bruger' })).toBeVisible();

  await page.goto('/min-side');
  await expect(page).toHaveURL('/log-ind?redirectTo=%2Fmin-side');
});

test('a wrong password gets the generic message and keeps the email', async ({ page }) => {
  await logIn(page, 'medarbejder@brobygger.test', 'not-the-password');
  await expect(page).toHaveURL('/log-ind');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Der er problemer med formularen');
  await expect(summary).toContainText('Forkert e-mail eller adgangskode.');
  await expect(page.getByLabel('E-mail')).toHaveValue('medarbejder@brobygger.test');
  await expect(page.getByLabel('Adgangskode', { exact: true })).toHaveValue('');
});

test('a new user registers, gets the email and confirms the address', async ({ page, baseURL }) => {
  const email = uniqueEmail('ny');
  await page.goto('/');
  await header(page).getByRole('link', { name: 'Opret bruger' }).click();
  await expect(page).toHaveTitle('Opret bruger · Brobygger — Skanderborg Kommune');

  // Field errors first: a password that is too short.
  await page.getByLabel('Navn').fill('Nina Ny');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('kort');
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  const password = page.getByLabel('Adgangskode');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#password-error')).toContainText('mindst 8 tegn');
  await expect(page.getByRole('alert').getByRole('link', { name: /mindst 8 tegn/ })).toHaveAttribute(
    'href',
    '#password',
  );
  await expect(page.getByLabel('E-mail')).toHaveValue(email);

  await password.fill('en lang og god adgangskode');
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek din e-mail');

  const mail = await latestMailTo(baseURL, email);
  const link = /https?:\/\/\S+\/bekraeft-email\?token=\S+/.exec(mail)?.[0];
  expect(link).toBeDefined();
  // Opening the link changes nothing until the button is pressed.
  await page.goto(new URL(link ?? '').pathname + new URL(link ?? '').search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekræft din e-mailadresse');
  await page.getByRole('button', { name: 'Bekræft e-mailadresse' }).click();
  await expect(page.getByRole('status')).toContainText('Din e-mailadresse er bekræftet');

  // The link works once.
  await page.goto(new URL(link ?? '').pathname + new URL(link ?? '').search);
  await page.getByRole('button', { name: 'Bekræft e-mailadresse' }).click();
  await expect(page.getByRole('main')).toContainText('Linket virker ikke');
});

async function signedInPage(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email, password);
  await expect(page).toHaveURL('/min-side');
  return { context, page };
}

test('a user ends their other session from Min side', async ({ browser, baseURL }) => {
  const email = uniqueEmail('to-sessioner');
  const password = 'to sessioner samtidig';
  await registerThroughApi(baseURL, email, password);
  const first = await signedInPage(browser, email, password);
  const second = await signedInPage(browser, email, password);

  await first.page.reload();
  const rows = first.page.getByRole('table', { name: 'Her er du logget ind' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await rows
    .filter({ hasNotText: 'Denne browser' })
    .getByRole('button', { name: /^Afslut/ })
    .click();
  await expect(first.page.getByRole('status')).toContainText('Sessionen er afsluttet.');
  await expect(rows).toHaveCount(2);

  await second.page.reload();
  await expect(second.page).toHaveURL('/log-ind?redirectTo=%2Fmin-side');
  await first.context.close();
  await second.context.close();
});

test('a user changes the password and logs in with the new one', async ({ page, baseURL }) => {
  const email = uniqueEmail('skift');
  await registerThroughApi(baseURL, email, 'den gamle adgangskode');
  await logIn(page, email, 'den gamle adgangskode');
  await expect(page).toHaveURL('/min-side');

  const form = page.getByRole('region', { name: 'Skift adgangskode' });
  await form.getByLabel('Nuværende adgangskode').fill('forkert gæt');
  await form.getByLabel('Ny adgangskode').fill('den nye adgangskode');
  await form.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(form.getByLabel('Nuværende adgangskode')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Den nuværende adgangskode er forkert');

  await form.getByLabel('Nuværende adgangskode').fill('den gamle adgangskode');
  await form.getByLabel('Ny adgangskode').fill('den nye adgangskode');
  await form.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByRole('status')).toContainText('Din adgangskode er ændret');

  await page.getByRole('navigation', { name: 'Din bruger' }).getByRole('button', { name: 'Log ud' }).click();
  await logIn(page, email, 'den nye adgangskode');
  await expect(page).toHaveURL('/min-side');
});

test('a user downloads their data and deletes the account', async ({ page, baseURL }) => {
  const email = uniqueEmail('slet');
  const password = 'slet mig bare igen';
  await registerThroughApi(baseURL, email, password);
  await logIn(page, email, password);
  await expect(page).toHaveURL('/min-side');

  const response = await page.request.get('/min-side/eksport');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toContain('attachment');
  expect(((await response.json()) as { account: { email: string } }).account.email).toBe(email);

  const section = page.getByRole('region', { name: 'Dine data' });
  await section.getByLabel('Adgangskode').fill(password);
  await section.getByRole('button', { name: 'Slet min bruger' }).click();
  await expect(page).toHaveURL('/?besked=konto-slettet');
  await expect(page.getByRole('status')).toContainText('Din bruger og dine personoplysninger er slettet.');
  await logIn(page, email, password);
  await expect(page.getByRole('alert')).toContainText('Forkert e-mail eller adgangskode.');
});
