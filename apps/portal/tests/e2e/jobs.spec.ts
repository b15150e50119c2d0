import { expect, test } from './fixtures';
import { logIn, registerThroughApi, uniqueEmail } from './support';

test('the admin finds the job runner in the admin menu and sees the mail jobs by state', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('jobber');
  await registerThroughApi(baseURL, email, 'en lang og god adgangskode');
  await logIn(page, 'admin@brobygger.test', undefined, '/log-ind?redirectTo=%2Fadmin%2Flog');
  await page
    .getByRole('navigation', { name: 'Administration' })
    .getByRole('link', { name: 'Baggrundsjob' })
    .click();
  await expect(page).toHaveURL('/admin/jobber');
  await expect(page).toHaveTitle('Baggrundsjob · Brobygger — Skanderborg Kommune');
  const jobs = page.getByRole('table', { name: 'Alle job' });
  await expect(jobs).toContainText('mail.send');

  // The registration's mail is delivered to the development mailbox by the runner at once.
  await page
    .getByRole('navigation', { name: 'Vis job efter tilstand' })
    .getByRole('link', { name: /^Udført/ })
    .click();
  await expect(page).toHaveURL('/admin/jobber?tilstand=udfoert');
  const done = page.getByRole('table', { name: 'Udført' });
  await expect(done).toContainText('mail.send');
});

test('a retry of a job that does not exist says so, without JavaScript too', { tag: '@both' }, async ({
  page,
}) => {
  await logIn(page, 'admin@brobygger.test', undefined, '/log-ind?redirectTo=%2Fadmin%2Fjobber');
  await expect(page).toHaveURL('/admin/jobber');
  // What the retry button posts, for a job that is gone.
  const response = await page.request.post('/admin/jobber', {
    form: { intent: 'retry', id: '987654321' },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain('Jobbet findes ikke.');
  const refused = await page.request.post('/admin/jobber', {
    form: { intent: 'retry', id: '987654321' },
    headers: { Origin: 'https://evil.example' },
  });
  expect(refused.status()).toBe(403);
});
