import { expect, test } from './fixtures';
import { demoPassword, logIn, registerThroughApi, uniqueEmail } from './support';

test('anonymous visitors log in first; a volunteer then gets the 403 page', async ({ page }) => {
  const response = await page.goto('/admin/brugere');
  await expect(page).toHaveURL('/log-ind?redirectTo=%2Fadmin%2Fbrugere');
  expect(response?.status()).toBe(200);
  await page.getByLabel('E-mail').fill('frivillig@brobygger.test');
  await page.getByLabel('Adgangskode', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL('/admin/brugere');
  await expect(page).toHaveTitle('Ingen adgang · Brobygger — Skanderborg Kommune');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har ikke adgang til siden');
  expect((await page.request.get('/admin/brugere')).status()).toBe(403);
});

test('the admin reads the mailbox, grants and removes a role, and disables an account', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('rolle');
  await registerThroughApi(baseURL, email, 'en lang og god adgangskode');
  await logIn(page, 'admin@brobygger.test', undefined, '/log-ind?redirectTo=%2Fadmin%2Fpostkasse');
  await expect(page).toHaveURL('/admin/postkasse');
  await expect(page).toHaveTitle('Postkasse · Brobygger — Skanderborg Kommune');
  const mail = page.getByRole('article').filter({ hasText: `Til ${email}` });
  await expect(mail.getByRole('link', { name: /\/bekraeft-email\?token=/ })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Administration' })
    .getByRole('link', { name: 'Brugere' })
    .click();
  await expect(page).toHaveURL('/admin/brugere');
  await expect(page).toHaveTitle('Brugere · Brobygger — Skanderborg Kommune');

  await page.getByLabel('Søg efter navn eller e-mail').fill(email);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByRole('main')).toContainText('1 brugere');
  await page.getByRole('link', { name: `Test ${email.split('@')[0]}` }).click();

  // A lead owner needs a focus area: the form says so beside the field.
  await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Tovholder' });
  await page.getByRole('button', { name: 'Tildel rolle' }).click();
  await expect(page.getByLabel('Fokusområde')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('En tovholder skal have et fokusområde');

  await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Tovholder' });
  await page.getByLabel('Fokusområde').selectOption({ label: 'Kvinder' });
  await page.getByRole('button', { name: 'Tildel rolle' }).click();
  await expect(page.getByRole('status')).toContainText('Rollen er tildelt.');
  const roles = page.getByRole('region', { name: 'Roller' });
  await expect(roles).toContainText('Tovholder (Kvinder)');

  await roles.getByRole('button', { name: 'Fjern Tovholder (Kvinder)' }).click();
  await expect(page.getByRole('status')).toContainText('Rollen er fjernet.');
  await expect(roles).not.toContainText('Tovholder (Kvinder)');

  await page.getByRole('button', { name: 'Deaktiver bruger' }).click();
  await expect(page.getByRole('status')).toContainText('Brugeren er deaktiveret');
  await page.getByRole('button', { name: 'Aktiver bruger' }).click();
  await expect(page.getByRole('status')).toContainText('Brugeren er aktiveret igen.');

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Log' }).click();
  await expect(page.getByRole('table', { name: 'Log over hændelser' })).toContainText('role.granted');
});
