import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { demoPassword, logIn, wcagTags } from './support';

// Redirect targets that a URL parser normalises into another site.
const nastyTargets = [
  '/.//evil.example',
  '/..//evil.example/x',
  '//evil.example',
  '/\\evil.example',
  '/.\\/evil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  'https://evil.example/',
];

test.describe('no open redirect', () => {
  for (const target of nastyTargets) {
    test(`the language switch stays on this site for ${JSON.stringify(target)}`, async ({ request }) => {
      const res = await request.get(`/sprog?${new URLSearchParams({ lng: 'en', returnTo: target })}`, {
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
      expect(res.headers().location).toBe('/');
    });
  }

  test('the language switch keeps a path on this site, normalised', async ({ request }) => {
    const res = await request.get('/sprog?lng=en&returnTo=%2Ffokusomraader%2F.%2Fkvinder%3Fa%3D1', {
      maxRedirects: 0,
    });
    expect(res.headers().location).toBe('/fokusomraader/kvinder?a=1');
  });

  for (const target of ['/.//evil.example', '/..//evil.example/x', '/%5Cevil.example']) {
    test(`signing in never sends the visitor to ${JSON.stringify(target)}`, async ({ request, baseURL }) => {
      const res = await request.post(`/log-ind?${new URLSearchParams({ redirectTo: target })}`, {
        form: { email: 'frivillig@brobygger.test', password: demoPassword },
        headers: { origin: new URL(baseURL ?? '').origin },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(302);
      expect(res.headers().location).toBe('/min-side');
      expect(res.headers()['cache-control']).toBe('no-store');
    });
  }
});

test('a form body over the limit is refused with 413 before it is read', async ({ request, baseURL }) => {
  const res = await request.post('/log-ind', {
    headers: { origin: new URL(baseURL ?? '').origin, 'content-type': 'application/x-www-form-urlencoded' },
    data: `email=${'a'.repeat(2 * 1024 * 1024)}`,
  });
  expect(res.status()).toBe(413);
});

test('odd characters in a page address answer 400 or 404, never 500', async ({ request }) => {
  for (const suffix of ['%00', '%01', '%09', '%1f', '%20', '%7F', '%C0%AF']) {
    const res = await request.get(`/fokusomraader/kvinder${suffix}`);
    expect([400, 404], suffix).toContain(res.status());
    expect(res.headers()['content-type'], suffix).toMatch(/^text\/html/);
  }
  for (const path of ['/admin/brugere/%00', '/%00', '/min-side%00']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
  }
});

test('a 60 KB URL gets 431 with a body that says why', async ({ request }) => {
  const res = await request.get(`/fokusomraader?q=${'x'.repeat(60 * 1024)}`);
  expect(res.status()).toBe(431);
  expect(await res.json()).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
});

test('pages turn off powerful browser features; personal pages are never cached', async ({ page }) => {
  const front = await page.goto('/');
  expect(front?.headers()['permissions-policy']).toContain('camera=()');
  expect(front?.headers()['cache-control']).toBeUndefined();
  await logIn(page, 'frivillig@brobygger.test');
  await expect(page).toHaveURL('/min-side');
  const mine = await page.goto('/min-side');
  expect(mine?.headers()['cache-control']).toBe('no-store');
  // Signed in, every page shows the visitor's name in the header.
  expect((await page.goto('/'))?.headers()['cache-control']).toBe('no-store');
});

test('my sessions show the browser and system in words, and a plain IP', async ({ page }) => {
  await logIn(page, 'frivillig@brobygger.test');
  await expect(page).toHaveURL('/min-side');
  const sessions = page
    .locator('table')
    .filter({ has: page.getByRole('columnheader', { name: 'IP-adresse' }) });
  await expect(sessions.locator('tbody tr').first()).toContainText(/Chrome på (Linux|Windows|macOS)/);
  await expect(sessions).not.toContainText('Mozilla/5.0');
  await expect(sessions).not.toContainText('::ffff:');
});

test.describe('the API reference', () => {
  // The renderer is a 4 MB script: on a busy machine it takes a while to load and draw.
  const drawn = { timeout: 30_000 };
  test('the footer leads to it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'API-dokumentation (åbne data)' }).click();
    await expect(page).toHaveURL('/api/docs');
    await expect(page).toHaveTitle('Brobygger API');
  });

  test('renders the document with scripts from our own origin only, without CSP violations', {
    tag: '@needs-js',
  }, async ({ page, baseURL }) => {
    const problems: string[] = [];
    const foreign: string[] = [];
    const origin = new URL(baseURL ?? '').origin;
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
        foreign.push(request.url());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text()) && !/script-src eval/.test(message.text())) {
        problems.push(message.text());
      }
    });
    test.slow();
    await page.goto('/api/docs');
    await expect(page.getByRole('heading', { name: 'Brobygger API', level: 1 })).toBeVisible(drawn);
    await expect(page.getByText('Liveness and which engines serve the data').first()).toBeVisible(drawn);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('has no axe violations', { tag: '@needs-js' }, async ({ page }) => {
    test.slow();
    await page.goto('/api/docs');
    await expect(page.getByRole('heading', { name: 'Brobygger API', level: 1 })).toBeVisible(drawn);
    // Scalar's copy-to-clipboard buttons (hidden until hovered) carry no accessible name; that is
    // the renderer's own markup, which we cannot change. Everything else must pass.
    const results = await new AxeBuilder({ page }).withTags(wcagTags).exclude('.scalar-code-copy').analyze();
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
});
