import { expect, test } from './fixtures';
import { demoPassword, logIn } from './support';

test('pages carry a Content-Security-Policy with a fresh nonce', async ({ request }) => {
  const first = await request.get('/');
  const second = await request.get('/');
  const csp = first.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}'/);
  expect(csp).toContain("style-src 'self';");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(second.headers()['content-security-policy']).not.toBe(csp);
  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(await first.text()).not.toMatch(/\sstyle="/);
});

test('every script of a page that ships JavaScript carries the nonce', async ({ request }) => {
  // The front page ships no JavaScript; a signed-in page does (app/lib/hydration.ts).
  const login = await request.post('/api/auth/login', {
    data: { email: 'frivillig@brobygger.test', password: demoPassword },
  });
  expect(login.status()).toBe(200);
  const page = await request.get('/min-side');
  expect(page.status()).toBe(200);
  const nonce = /'nonce-([^']+)'/.exec(page.headers()['content-security-policy'] ?? '')?.[1];
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/\sstyle="/);
});

test('the browser reports no CSP violations while the app runs', { tag: '@needs-js' }, async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  // A signed-in page ships JavaScript; from there on, navigation stays client-side, also to pages
  // that ship none of their own.
  await logIn(page, 'frivillig@brobygger.test');
  await expect(page).toHaveURL('/min-side');
  // Wait until React has hydrated the page, then mark the window: a client-side navigation keeps it.
  await page.waitForFunction(() =>
    Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__reactFiber')),
  );
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forside' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Sammen om integration i Skanderborg Kommune',
  );
  await page.getByRole('link', { name: /Unge mænd/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unge mænd');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  expect(problems).toEqual([]);
});
