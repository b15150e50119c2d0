import { expect, test } from './fixtures';
import { logIn } from './support';

// What a public page costs a phone. The speed itself is measured by `pnpm bench`
// (bench/lighthouse.bench.ts); these tests hold the means: no JavaScript where none is needed,
// compressed text, and a JavaScript budget where it is.

const publicPages = [
  '/',
  '/fokusomraader',
  '/fokusomraader/kvinder',
  '/tilgaengelighed',
  '/log-ind',
  '/opret-bruger',
  '/glemt-adgangskode',
  '/findes-ikke',
  '/arrangementer',
  '/arrangementer/1',
];

for (const path of publicPages) {
  test(`${path} ships no JavaScript`, async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.locator('script, link[rel="modulepreload"]').count()).toBe(0);
    expect(scripts).toEqual([]);
  });
}

test('the login form still works, and its error summary takes focus, without any script', async ({
  page,
}) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Der er problemer med formularen');
  await expect(summary).toBeFocused();
  await logIn(page, 'frivillig@brobygger.test');
  await expect(page).toHaveURL('/min-side');
});

test('signed-in pages ship JavaScript within 100 KiB compressed', { tag: '@needs-js' }, async ({ page }) => {
  await logIn(page, 'admin@brobygger.test');
  await expect(page).toHaveURL('/min-side');
  // The login's own page may still be fetching its scripts: let it finish, so they are not counted
  // as the next page's.
  await page.waitForLoadState('networkidle');
  for (const path of ['/min-side', '/admin/brugere']) {
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        response
          .request()
          .sizes()
          .then((sizes) => sizes.responseBodySize),
      );
    });
    await page.goto(path);
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__reactFiber')),
    );
    page.removeAllListeners('response');
    const sizes = await Promise.all(scripts);
    expect(sizes.length, path).toBeGreaterThan(0);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total, `${path}: ${total} bytes of JavaScript on the wire`).toBeLessThan(100 * 1024);
  }
});

test('text answers are compressed, by Accept-Encoding', async ({ request }) => {
  const html = await request.get('/', { headers: { 'Accept-Encoding': 'br' } });
  expect(html.headers()['content-encoding']).toBe('br');
  expect(html.headers().vary).toMatch(/Accept-Encoding/);
  expect(await html.text()).toContain('<h1');

  const json = await request.get('/api/focus-areas', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(json.headers()['content-encoding']).toBe('gzip');

  // The stylesheet is compressed at build time; the server sends the copy the client accepts.
  const stylesheet = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(await html.text())?.[1];
  expect(stylesheet).toBeDefined();
  const brotli = await request.get(stylesheet ?? '', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  expect(brotli.headers()['content-encoding']).toBe('br');
  expect(brotli.headers()['cache-control']).toContain('immutable');
  const gzip = await request.get(stylesheet ?? '', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  const identity = await request.get(stylesheet ?? '', { headers: { 'Accept-Encoding': 'identity' } });
  expect(identity.headers()['content-encoding']).toBeUndefined();
  expect(Number(identity.headers()['content-length'])).toBeGreaterThan(
    Number(gzip.headers()['content-length']),
  );
  expect((await identity.body()).toString()).toContain('.alert');
});
