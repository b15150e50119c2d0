import { expect, test } from './fixtures';
import { latestMailTo, logIn, registerThroughApi, uniqueEmail } from './support';

test('a user who forgot the password chooses a new one through the emailed link', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('glemt');
  await registerThroughApi(baseURL, email, 'den glemte adgangskode');
  await page.goto('/log-ind');
  await page.getByRole('link', { name: 'Glemt adgangskode?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glemt adgangskode');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByRole('status')).toContainText('Tjek din e-mail');

  const mail = await latestMailTo(baseURL, email);
  const link = new URL(/https?:\/\/\S+\/nulstil-adgangskode\?token=\S+/.exec(mail)?.[0] ?? '');
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel('Ny adgangskode').fill('en helt ny adgangskode');
  await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  await expect(page).toHaveURL('/log-ind?besked=adgangskode-nulstillet');
  await expect(page.getByRole('status')).toContainText('Du kan nu logge ind med den nye.');

  await logIn(page, email, 'en helt ny adgangskode');
  await expect(page).toHaveURL('/min-side');
});
