import { expect, test } from './fixtures';
import { expectNoAxeViolations, latestMailTo, logIn, registerThroughApi, uniqueEmail } from './support';

// Events extras (issue 9): guest sign-up by mailed link, check-in by code on the day, and the
// personal calendar feed — each with and without JavaScript (the forms post to the server).

const eventTitle = 'Dialogmøde med frivillige med flygtningebaggrund'; // unlimited seats

test('a guest signs up without an account, confirms by the link, is checked in by code and cancels', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('gaest');
  await page.goto('/arrangementer');
  await page.getByRole('link', { name: eventTitle }).click();
  const eventUrl = page.url();
  await page.getByRole('link', { name: 'Tilmeld dig uden bruger' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilmeld dig uden bruger');
  // A bad address: a field error, nothing sent.
  await page.getByLabel('Navn').fill('Amira Gæst');
  await page.getByLabel('E-mail').fill('ikke-en-adresse');
  await page.getByRole('button', { name: 'Send mig et link' }).click();
  await expect(page.getByText('Der er problemer med formularen')).toBeVisible();
  await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send mig et link' }).click();
  await expect(page.getByText(`Vi har sendt et link til ${email}`)).toBeVisible();

  const mail = await latestMailTo(baseURL, email);
  const link = mail.match(/https?:\/\/\S+\/arrangementer\/gaest\/[a-z2-7]{32}/)?.[0];
  expect(link).toBeTruthy();
  const path = new URL(link ?? '').pathname;
  await page.goto(path);
  await expect(page.getByText('Din tilmelding er ikke bekræftet endnu')).toBeVisible();
  await page.getByRole('button', { name: 'Bekræft tilmeldingen' }).click();
  await expect(page.getByText('Du er tilmeldt og har en plads.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Din kode til indtjekning' })).toBeVisible();
  const code = (await page.locator('.check-in-code__text').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('img', { name: `QR-kode til indtjekning, kode ${code}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Føj til kalender (.ics)' })).toHaveAttribute(
    'href',
    /\/calendar\.ics$/,
  );

  // On the day: staff open the participant page from the QR code (?kode=…) and check in.
  await logIn(page, 'medarbejder@brobygger.test');
  const eventId = new URL(eventUrl).pathname.split('/')[2];
  await page.goto(`/arrangementer/${eventId}/deltagere?kode=${code.replace('-', '')}`);
  await expect(page.locator('#code')).toHaveValue(code.replace('-', ''));
  await page.getByRole('button', { name: 'Tjek ind' }).click();
  await expect(page.getByText('Amira Gæst er tjekket ind.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hent listen som CSV (Excel)' })).toHaveAttribute(
    'href',
    `/api/events/${eventId}/participants.csv`,
  );
  // A wrong code: a field error.
  await page.locator('#code').fill('ZZZZ-ZZZ');
  await page.getByRole('button', { name: 'Tjek ind' }).click();
  await expect(page.locator('#code')).toHaveAttribute('aria-invalid', 'true');

  // The guest cancels with the same link.
  await page.goto(path);
  await page.getByRole('button', { name: 'Meld afbud' }).click();
  await expect(page.getByText('Tilmeldingen er annulleret.')).toBeVisible();
  // A forged link says so.
  await page.goto(`/arrangementer/gaest/${'a'.repeat(32)}`);
  await expect(page.getByText('Linket er ugyldigt, udløbet eller erstattet af et nyere')).toBeVisible();
});

test('a member makes a personal calendar address, it serves the feed, and stopping it ends it', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('kalender');
  await registerThroughApi(baseURL, email, 'et-godt-kodeord-1');
  await logIn(page, email, 'et-godt-kodeord-1');
  await page.goto('/min-side');
  await page.getByRole('link', { name: 'Kalender-abonnement på dine tilmeldinger' }).click();
  await expect(page.getByText('Du har ingen kalenderadresse.')).toBeVisible();
  await page.getByRole('button', { name: 'Opret kalenderadresse' }).click();
  const url = await page.getByLabel('Din nye kalenderadresse').inputValue();
  expect(url).toMatch(/\/api\/calendar\/feeds\/[a-z2-7]{32}\/calendar\.ics$/);
  const feedPath = new URL(url).pathname;
  const feed = await page.request.get(feedPath);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await page.goto('/min-side/kalender');
  await expect(page.getByText(/Du har en kalenderadresse, oprettet/)).toBeVisible();
  await page.getByRole('button', { name: 'Stop adressen' }).click();
  await expect(page.getByText('Kalenderadressen virker ikke længere.')).toBeVisible();
  expect((await page.request.get(feedPath)).status()).toBe(404);
});

test('staff create a weekly series with the form; without an end date it is refused', {
  tag: '@both',
}, async ({ page }) => {
  await logIn(page, 'medarbejder@brobygger.test');
  await page.goto('/arrangementer/ny');
  const title = `Ugentligt koordineringsmøde ${Date.now().toString(36)}`;
  const first = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const until = new Date(Date.now() + 14 * 86_400_000 + 20 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Begynder').fill(`${first}T19:00`);
  await page.getByLabel('Slutter').fill(`${first}T21:00`);
  await page.getByLabel('Adresse').fill('Rådhuset, Adelgade 44, 8660 Skanderborg');
  await page.getByLabel('Arrangør').fill('Integrationsteamet');
  await page.getByLabel('Offentliggør med det samme').check();
  await page.getByLabel('Gentages', { exact: true }).selectOption('weekly');
  await page.getByRole('button', { name: 'Gem arrangementet' }).click();
  await expect(page.getByText('Der er problemer med formularen')).toBeVisible();
  await expect(page.locator('#recurrence-error')).toBeVisible();
  await page.getByLabel('Gentag til og med').fill(until);
  await page.getByRole('button', { name: 'Gem arrangementet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goto(`/arrangementer?q=${encodeURIComponent(title)}`);
  const results = page.getByRole('region', { name: 'Kommende arrangementer' });
  await expect(results.getByRole('heading', { level: 3 })).toHaveText([title, title, title]);
  // Editing one occurrence offers "this and following".
  await results.getByRole('link', { name: title }).nth(1).click();
  await page.getByRole('link', { name: 'Rediger arrangementet' }).click();
  await expect(page.getByLabel('Dette og alle de følgende i rækken')).toBeVisible();
  // axe runs in the page: only where JavaScript runs (the markup is the same without it).
  if (test.info().project.name === 'chromium') await expectNoAxeViolations(page);
  await page.getByLabel('Titel').fill(`${title} (flyttet)`);
  await page.getByLabel('Dette og alle de følgende i rækken').check();
  await page.getByRole('button', { name: 'Gem arrangementet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (flyttet)`);
  await page.goto(`/arrangementer?q=${encodeURIComponent(title)}`);
  await expect(results.getByRole('heading', { level: 3 })).toHaveText([
    title,
    `${title} (flyttet)`,
    `${title} (flyttet)`,
  ]);
});
