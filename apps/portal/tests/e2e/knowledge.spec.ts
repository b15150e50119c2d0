import { expect, type Page, request, test } from './fixtures';
import {
  demoPassword,
  expectNoAxeViolations,
  logIn,
  onePagePdf,
  registerThroughApi,
  uniqueEmail,
} from './support';

// Knowledge (issue 11): the resource library and the forum (every form here is a plain HTML form,
// so the flows run without JavaScript; writing a resource runs with it too), and axe once per page
// template.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createResource(page: Page, title: string, options: { audience?: string; body?: string } = {}) {
  await page.goto('/viden/ny');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Resumé').fill('Sådan gør du.');
  await page
    .getByLabel('Tekst', { exact: true })
    .fill(options.body ?? 'Ring til **tolkeservice** i god tid.');
  await page.getByLabel(options.audience ?? 'Alle', { exact: true }).check();
  await page.getByLabel('Viden og videndeling').check();
  await page.getByLabel('Emneord').fill('tolk, sprog');
  await page.getByRole('button', { name: 'Opret ressource' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

test('the library pages a long list: the links keep the filter and the current page is marked', async ({
  page,
  baseURL,
}) => {
  // 21 public resources with a tag of their own (the list shows 20 a page), made through the API.
  const tag = `side-${unique()}`;
  const api = await request.newContext({ baseURL: baseURL ?? '' });
  try {
    const login = await api.post('/api/auth/login', {
      data: { email: 'medarbejder@brobygger.test', password: demoPassword },
    });
    expect(login.status()).toBe(200);
    const { token } = (await login.json()) as { token: string };
    for (let index = 1; index <= 21; index += 1) {
      const created = await api.post('/api/resources', {
        // The context keeps the login's cookie too, so the API asks for the Origin as from a browser.
        headers: { Authorization: `Bearer ${token}`, Origin: new URL(baseURL ?? '').origin },
        data: {
          kind: 'guide',
          title: `Sideopdelt vejledning ${tag} ${index}`,
          audience: 'public',
          tags: [tag],
        },
      });
      expect(created.status()).toBe(201);
    }
  } finally {
    await api.dispose();
  }

  await page.goto(`/viden?tag=${tag}`);
  const pages = page.getByRole('navigation', { name: 'Sider' });
  await expect(pages.locator('[aria-current="page"]')).toHaveText('Side 1 af 2');
  await expect(pages.getByRole('link', { name: 'Forrige side' })).toHaveCount(0);
  await pages.getByRole('link', { name: 'Næste side' }).click();
  await expect(page).toHaveURL(new RegExp(`/viden\\?tag=${tag}&page=2$`));
  await expect(page.locator('.knowledge-list__item')).toHaveCount(1);
  await expect(pages.locator('[aria-current="page"]')).toHaveText('Side 2 af 2');
  await expect(pages.getByRole('link', { name: 'Næste side' })).toHaveCount(0);
  await pages.getByRole('link', { name: 'Forrige side' }).click();
  await expect(page).toHaveURL(new RegExp(`/viden\\?tag=${tag}$`));
  await expect(page.locator('.knowledge-list__item')).toHaveCount(20);
});

test('staff write a resource, edit it, compare two revisions and restore the first', {
  tag: '@both',
}, async ({ page }) => {
  const title = `Tolkebistand ${unique()}`;
  await logIn(page, 'medarbejder@brobygger.test');
  const path = await createResource(page, title);
  await expect(page.getByText('Ressourcen er gemt.')).toBeVisible();
  await expect(page.locator('.knowledge-body strong')).toHaveText('tolkeservice');

  await page.getByRole('link', { name: 'Rediger' }).click();
  await page.getByLabel('Tekst', { exact: true }).fill('Ring til **koordinatoren** først.');
  await page.getByLabel('Note om ændringen').fill('Ny kontakt');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.locator('.knowledge-body strong')).toHaveText('koordinatoren');

  await page.getByRole('link', { name: 'se historik' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(page.locator('.knowledge-diff ins')).toContainText(['koordinatoren']);
  await expect(page.locator('.knowledge-diff del')).toContainText(['tolkeservice']);
  await page.getByRole('button', { name: 'Gendan udgave 1' }).click();
  await expect(page.getByText('Den gamle udgave er gendannet som en ny udgave.')).toBeVisible();
  await expect(page.locator('.knowledge-body strong')).toHaveText('tolkeservice');
  expect(new URL(page.url()).pathname).toBe(path);
});

test('staff attach a PDF; anyone downloads it; a wrong file is refused with a message', async ({
  page,
  request,
}) => {
  const title = `Ansøgningsskema ${unique()}`;
  await logIn(page, 'medarbejder@brobygger.test');
  const path = await createResource(page, title);
  await page.goto(`${path}/rediger`);
  await page
    .getByLabel('Vedhæft en fil')
    .setInputFiles({ name: 'skema.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Skema') });
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(page.getByText('Filen er vedhæftet.')).toBeVisible();
  await page
    .getByLabel('Vedhæft en fil')
    .setInputFiles({ name: 'billede.png', mimeType: 'image/png', buffer: onePagePdf('x') });
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(page.getByRole('alert')).toContainText('Filens navn ender på .png, men indholdet er PDF');

  await page.goto(path);
  const link = page.getByRole('link', { name: 'skema.pdf' });
  const href = (await link.getAttribute('href')) ?? '';
  const download = await request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
});

test('a staff-only resource reaches nobody else: not the list, the page or its file', async ({
  page,
  browser,
}) => {
  const title = `Intern telefonliste ${unique()}`;
  await logIn(page, 'medarbejder@brobygger.test');
  const path = await createResource(page, title, { audience: 'Kun medarbejdere' });
  await page.goto(`${path}/rediger`);
  await page
    .getByLabel('Vedhæft en fil')
    .setInputFiles({ name: 'liste.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Hemmelig') });
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(page.getByText('Filen er vedhæftet.')).toBeVisible();
  await page.goto(path);
  const href = (await page.getByRole('link', { name: 'liste.pdf' }).getAttribute('href')) ?? '';

  const anonymous = await browser.newContext();
  const other = await anonymous.newPage();
  await other.goto(`/viden?q=${encodeURIComponent(title)}`);
  await expect(other.getByText('0 ressourcer')).toBeVisible();
  expect((await other.goto(path))?.status()).toBe(404);
  expect((await other.request.get(href)).status()).toBe(404);
  await logIn(other, 'frivillig@brobygger.test');
  expect((await other.goto(path))?.status()).toBe(404);
  expect((await other.goto(`${path}/foreslaa`))?.status()).toBe(404);
  await anonymous.close();
});

test('a volunteer suggests a change; staff accept it and it becomes the next revision', async ({
  page,
  browser,
}) => {
  const title = `Sprogcaféer ${unique()}`;
  await logIn(page, 'medarbejder@brobygger.test');
  const path = await createResource(page, title);

  const volunteer = await browser.newContext();
  const vPage = await volunteer.newPage();
  await logIn(vPage, 'frivillig@brobygger.test');
  await vPage.goto(path);
  await vPage.getByRole('link', { name: 'Foreslå en ændring' }).click();
  await vPage.getByLabel('Tekst', { exact: true }).fill('Hver tirsdag kl. 17 på biblioteket.');
  await vPage.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(vPage.getByRole('alert').or(vPage.locator('.form-error-message')).first()).toBeVisible();
  await vPage.getByLabel('Hvad og hvorfor').fill('Tidspunktet manglede');
  await vPage.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(vPage.getByText('Tak for dit forslag.')).toBeVisible();
  await volunteer.close();

  await page.goto('/viden/forslag');
  const card = page.getByRole('article').filter({ hasText: title });
  await card.getByRole('button', { name: 'Godkend' }).click();
  await expect(page.getByText('Forslaget er godkendt')).toBeVisible();
  await page.goto(path);
  await expect(page.locator('.knowledge-body')).toContainText('Hver tirsdag kl. 17 på biblioteket.');
});

test('the forum: ask, answer, accept (shown first), flag, moderate and make the answer a resource', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const question = `Hvordan bestiller jeg tolk? ${unique()}`;
  const askerEmail = uniqueEmail('spoerger');
  await registerThroughApi(baseURL, askerEmail, 'et-godt-kodeord-1');
  await logIn(page, askerEmail, 'et-godt-kodeord-1');
  await page.goto('/forum');
  await page.getByRole('link', { name: 'Viden og videndeling' }).click();
  await page.getByLabel('Overskrift').fill(question);
  await page.getByLabel('Dit indlæg').fill('Jeg skal bruge en tolk til arabisk.');
  await page.getByRole('button', { name: 'Opret tråden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(question);
  const threadUrl = page.url();

  const helperContext = await browser.newContext();
  const helper = await helperContext.newPage();
  await logIn(helper, 'frivillig@brobygger.test');
  await helper.goto(threadUrl);
  await helper.getByLabel('Dit indlæg').fill('Første svar: spørg kommunen.');
  await helper.getByRole('button', { name: 'Send svaret' }).click();
  await helper.getByLabel('Dit indlæg').fill('Andet svar: ring til tolkeservice.');
  await helper.getByRole('button', { name: 'Send svaret' }).click();
  await expect(helper.getByRole('article')).toHaveCount(3);
  // Not the asker: no accept button.
  await expect(helper.getByRole('button', { name: 'Marker som accepteret svar' })).toHaveCount(0);
  await helperContext.close();

  await page.goto(threadUrl);
  await page
    .getByRole('article')
    .filter({ hasText: 'Andet svar' })
    .getByRole('button', { name: 'Marker som accepteret svar' })
    .click();
  await expect(page.getByRole('article').nth(1)).toContainText('Andet svar');
  await expect(page.getByRole('article').nth(1).getByRole('heading')).toContainText('Accepteret svar fra');

  // Flag the first answer (the details element opens without JavaScript too).
  const first = page.getByRole('article').filter({ hasText: 'Første svar' });
  await first.getByText('Anmeld indlægget').click();
  await first.getByLabel('Grund').selectOption('off-topic');
  await first.getByRole('button', { name: 'Send anmeldelsen' }).click();
  await expect(page.getByText('Indlægget er anmeldt')).toBeVisible();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await logIn(staff, 'medarbejder@brobygger.test');
  await staff.goto('/forum/moderation');
  const item = staff.getByRole('article').filter({ hasText: question });
  await item.getByLabel('Note til forfatteren').fill('Svaret var ikke præcist.');
  await item.getByRole('button', { name: 'Skjul indlægget' }).click();
  await expect(staff.getByRole('article').filter({ hasText: question })).toHaveCount(0);
  await staff.goto(threadUrl);
  await staff.getByRole('button', { name: 'Gør det accepterede svar til en ressource' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(question);
  await expect(staff.getByRole('link', { name: question }).last()).toHaveAttribute(
    'href',
    threadUrl.replace(baseURL ?? '', ''),
  );
  await staffContext.close();

  await page.goto(threadUrl);
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByText('Svaret er gjort til en ressource')).toBeVisible();
});

test.describe('axe on the knowledge pages', () => {
  // Two tests, the library's templates and the forum's, so that the two workers share them.
  async function expectNoViolationsOn(page: Page, targets: string[]) {
    for (const target of targets) {
      await test.step(target, async () => {
        await page.goto(target);
        await expectNoAxeViolations(page);
      });
    }
  }

  test('the library’s page templates have no violations', { tag: '@needs-js' }, async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, 'medarbejder@brobygger.test');
    const title = `Axe ressource ${unique()}`;
    const path = await createResource(page, title);
    await page.goto(`${path}/rediger`);
    await page.getByLabel('Tekst', { exact: true }).fill('Ændret **tekst**.');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectNoViolationsOn(page, [
      '/viden',
      path,
      `${path}/historik?fra=1&til=2`,
      `${path}/rediger`,
      `${path}/foreslaa`,
      '/viden/ny',
      '/viden/forslag',
      '/viden/gennemsyn',
    ]);
  });

  test('the forum’s page templates have no violations', { tag: '@needs-js' }, async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, 'medarbejder@brobygger.test');
    await page.goto('/forum/generelt');
    await page.getByLabel('Overskrift').fill(`Axe tråd ${unique()}`);
    await page.getByLabel('Dit indlæg').fill('Et spørgsmål.');
    await page.getByRole('button', { name: 'Opret tråden' }).click();
    const thread = new URL(page.url()).pathname;
    await page.getByLabel('Dit indlæg').fill('Et svar.');
    await page.getByRole('button', { name: 'Send svaret' }).click();
    await page.getByRole('link', { name: 'Rediger' }).last().click();
    const edit = new URL(page.url()).pathname;
    await page.getByLabel('Dit indlæg').fill('Et rettet svar.');
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page).toHaveURL(new RegExp(thread));
    await expectNoViolationsOn(page, [
      '/forum',
      '/forum/generelt',
      thread,
      edit,
      edit.replace('/rediger', '/historik'),
      '/forum/moderation',
      '/forum/afmeld?token=abcdefghijklmnopqrstuvwxyzabcdef',
    ]);
  });
});
