import { expect, test } from './fixtures';
import { logIn, registerThroughApi, totpCode, uniqueEmail } from './support';

test('a user turns on two-factor, logs in with a code and with a recovery code, and turns it off', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('totp');
  const password = 'to trin er bedre end et';
  await registerThroughApi(baseURL, email, password);
  await logIn(page, email, password);
  await expect(page).toHaveURL('/min-side');

  const section = page.getByRole('region', { name: 'Totrinsbekræftelse' });
  await section.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();
  const secret = (await section.locator('.totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  await expect(section.locator('code')).toContainText('otpauth://totp/');

  await section.getByLabel('Kode fra appen').fill('000000');
  await section.getByRole('button', { name: 'Bekræft og slå til' }).click();
  await expect(section.getByLabel('Kode fra appen')).toHaveAttribute('aria-invalid', 'true');

  await section.getByLabel('Kode fra appen').fill(totpCode(secret));
  await section.getByRole('button', { name: 'Bekræft og slå til' }).click();
  await expect(section.getByRole('status')).toContainText('Totrinsbekræftelse er slået til');
  const recoveryCodes = await section.locator('.recovery-codes li').allTextContents();
  expect(recoveryCodes).toHaveLength(10);

  await page.getByRole('navigation', { name: 'Din bruger' }).getByRole('button', { name: 'Log ud' }).click();
  await logIn(page, email, password);
  // The second step: the password is not in the page, the user types it again with the code.
  await expect(page.getByLabel('Kode fra godkendelsesappen')).toBeVisible();
  await expect(page.getByLabel('Adgangskode', { exact: true })).toHaveValue('');
  expect(await page.content()).not.toContain(password);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByText('Har du ikke din telefon? Brug en gendannelseskode').click();
  await page.getByLabel('Gendannelseskode').fill(recoveryCodes[0] ?? '');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL('/min-side');

  // Turning it off needs the password and a second factor too: first without, then with one.
  await section.getByLabel('Adgangskode').fill(password);
  await section.getByRole('button', { name: 'Slå totrinsbekræftelse fra' }).click();
  await expect(section.getByLabel('Kode fra godkendelsesappen')).toHaveAttribute('aria-invalid', 'true');
  await section.getByLabel('Adgangskode').fill(password);
  await section.getByText('Har du ikke din telefon? Brug en gendannelseskode').click();
  await section.getByLabel('Gendannelseskode').fill(recoveryCodes[1] ?? '');
  await section.getByRole('button', { name: 'Slå totrinsbekræftelse fra' }).click();
  await expect(page.getByRole('status')).toContainText('Totrinsbekræftelse er slået fra.');
});
