import { expect, test } from './fixtures';
import { logIn, registerThroughApi, uniqueEmail } from './support';

// Events and sign-up (issue 9), against the demo events seeded with the demo accounts.

test('the filters are a GET form: the search is kept in the URL and can be shared', async ({ page }) => {
  await page.goto('/arrangementer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Arrangementer');
  await page.getByLabel('Søg i titel og beskrivelse').fill('brætspil');
  await page.getByLabel('Børnepasning').check();
  await page.getByRole('main').getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/q=br%C3%A6tspil/);
  await expect(page).toHaveURL(/childcare=true/);
  const results = page.getByRole('region', { name: 'Kommende arrangementer' });
  await expect(results.getByRole('heading', { level: 3 })).toHaveText(['Fællesspisning og brætspil']);
  // The shared URL shows the same.
  await page.goto(page.url());
  await expect(page.getByLabel('Søg i titel og beskrivelse')).toHaveValue('brætspil');
  await expect(page.getByRole('status')).toHaveText('1 arrangementer');
});

test('a volunteer signs up in a minute, sees it on my page and cancels there', { tag: '@both' }, async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('arrangement');
  await registerThroughApi(baseURL, email, 'et-godt-kodeord-1');
  await page.goto('/arrangementer');
  await page.getByRole('link', { name: 'Fællesspisning og brætspil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fællesspisning og brætspil');
  await expect(page.getByRole('link', { name: 'Åbn adressen på et kort (OpenStreetMap)' })).toHaveAttribute(
    'href',
    /openstreetmap\.org\/search\?query=Kulturhuset/,
  );
  // Anonymous: sign in first, and come back to the event.
  await page.getByRole('link', { name: 'Log ind for at tilmelde dig' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill('et-godt-kodeord-1');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fællesspisning og brætspil');
  await page.getByRole('button', { name: 'Tilmeld mig' }).click();
  await expect(page.getByText('Du er tilmeldt. Vi har sendt en bekræftelse på e-mail.')).toBeVisible();
  await expect(page.getByText('Du er tilmeldt.', { exact: true })).toBeVisible();

  await page.goto('/min-side');
  const mine = page.getByRole('region', { name: 'Mine arrangementer' });
  await expect(mine.getByRole('link', { name: 'Fællesspisning og brætspil' })).toBeVisible();
  await expect(mine.getByText('Tilmeldt', { exact: true })).toBeVisible();
  await mine.getByRole('button', { name: /Meld mig fra/ }).click();
  await expect(page.getByText('Du er meldt fra.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mine arrangementer' })).toContainText(
    'Du er ikke tilmeldt nogen kommende arrangementer.',
  );
});

test('staff create an event with the form; a bad time gets a field error', async ({ page }) => {
  await logIn(page, 'medarbejder@brobygger.test');
  await page.goto('/arrangementer');
  await page.getByRole('link', { name: 'Opret arrangement' }).click();
  await expect(page).toHaveURL('/arrangementer/ny');
  const title = `Sprogcafé ${Date.now().toString(36)}`;
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Begynder').fill(`${day}T17:00`);
  await page.getByLabel('Slutter').fill(`${day}T16:00`);
  await page.getByLabel('Adresse').fill('Biblioteket, Grønnegade 1, 8660 Skanderborg');
  await page.getByLabel('Arrangør').fill('Integrationsteamet');
  await page.getByLabel('Antal pladser').fill('12');
  await page.getByLabel('Offentliggør med det samme').check();
  await page.getByRole('button', { name: 'Gem arrangementet' }).click();
  await expect(page.getByText('Der er problemer med formularen')).toBeVisible();
  await expect(page.locator('#endsAt')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Slutter').fill(`${day}T19:00`);
  await page.getByRole('button', { name: 'Gem arrangementet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Arrangementet er gemt.')).toBeVisible();
  await expect(page.getByText('12 ledige pladser af 12')).toBeVisible();
});
