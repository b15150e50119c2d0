import { type APIRequestContext, expect, request as playwrightRequest, test } from './fixtures';
import { demoPassword } from './support';

// The page cache of the built portal (ADR 0013): pages of public data are rendered once and
// answered again from memory; signed-in visitors get the same page with their own account menu,
// byte for byte what a full render gives them, and never anyone else's.

const pages = ['/', '/fokusomraader', '/fokusomraader/kvinder'];

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const login = await context.post('/api/auth/login', {
    headers: { origin: baseURL },
    data: { email, password: demoPassword },
  });
  expect(login.status()).toBe(200);
  return context;
}

test.describe('the page cache', () => {
  test('answers a public page again from the cache, identical, with an ETag that gives 304', async ({
    request,
  }) => {
    for (const path of pages) {
      await request.get(path);
      const again = await request.get(path);
      expect(again.status(), path).toBe(200);
      expect(again.headers()['x-page-cache'], path).toBe('hit');
      const full = await request.get(path, { headers: { 'Cache-Control': 'no-cache' } });
      expect(full.headers()['x-page-cache'], path).toBeUndefined();
      expect(await again.text(), path).toBe(await full.text());
      const etag = again.headers().etag ?? '';
      const notModified = await request.get(path, { headers: { 'If-None-Match': etag } });
      expect(notModified.status(), path).toBe(304);
    }
  });

  test("shows two signed-in users their own name on a cache warmed by the first, never the other's", async ({
    baseURL,
  }) => {
    const url = baseURL ?? '';
    const staff = await signedIn(url, 'medarbejder@brobygger.test');
    const admin = await signedIn(url, 'admin@brobygger.test');
    try {
      for (const path of pages) {
        // Warmed by the staff member, then read by both, twice.
        await staff.get(path);
        for (let round = 0; round < 2; round++) {
          const staffPage = await staff.get(path);
          const adminPage = await admin.get(path);
          expect(staffPage.headers()['cache-control'], path).toBe('no-store');
          const staffHtml = await staffPage.text();
          const adminHtml = await adminPage.text();
          expect(staffHtml, path).toContain('Mette Medarbejder');
          expect(staffHtml, path).not.toContain('Ada Admin');
          expect(staffHtml, path).not.toContain('/admin/brugere');
          expect(adminHtml, path).toContain('Ada Admin');
          expect(adminHtml, path).toContain('/admin/brugere');
          expect(adminHtml, path).not.toContain('Mette Medarbejder');
        }
        // The second time round it came from the cache, and it is what a full render gives.
        const cached = await staff.get(path);
        expect(cached.headers()['x-page-cache'], path).toBe('hit');
        const full = await staff.get(path, { headers: { 'Cache-Control': 'no-cache' } });
        expect(full.headers()['x-page-cache'], path).toBeUndefined();
        expect(await cached.text(), path).toBe(await full.text());
      }
    } finally {
      await staff.dispose();
      await admin.dispose();
    }
  });

  test('keeps the steering overview once for the steering group, each with their own menu, and for no one else', async ({
    baseURL,
  }) => {
    const url = baseURL ?? '';
    const steering = await signedIn(url, 'styregruppe@brobygger.test');
    const admin = await signedIn(url, 'admin@brobygger.test');
    const staff = await signedIn(url, 'medarbejder@brobygger.test');
    try {
      for (const who of [steering, admin]) await who.get('/styregruppe');
      const cached = await steering.get('/styregruppe');
      expect(cached.status()).toBe(200);
      expect(cached.headers()['x-page-cache']).toBe('hit');
      expect(cached.headers()['cache-control']).toBe('no-store');
      const full = await steering.get('/styregruppe', { headers: { 'Cache-Control': 'no-cache' } });
      expect(full.headers()['x-page-cache']).toBeUndefined();
      expect(await cached.text()).toBe(await full.text());
      const adminPage = await admin.get('/styregruppe');
      expect(adminPage.headers()['x-page-cache']).toBe('hit');
      const adminHtml = await adminPage.text();
      expect(adminHtml).toContain('Ada Admin');
      expect(adminHtml).not.toContain('Søren Styregruppe');
      expect(await cached.text()).toContain('Søren Styregruppe');
      // Others get the 403 page and anonymous visitors the login, never the kept page.
      const refused = await staff.get('/styregruppe');
      expect(refused.status()).toBe(403);
      expect(refused.headers()['x-page-cache']).toBeUndefined();
      const anonymous = await playwrightRequest.newContext({ baseURL: url });
      const login = await anonymous.get('/styregruppe', { maxRedirects: 0 });
      expect(login.status()).toBe(302);
      await anonymous.dispose();
    } finally {
      await steering.dispose();
      await admin.dispose();
      await staff.dispose();
    }
  });

  test('keeps a search page once per search audience: staff get theirs with their own menu, nobody else sees their hits', async ({
    baseURL,
  }) => {
    const url = baseURL ?? '';
    const staff = await signedIn(url, 'medarbejder@brobygger.test');
    const volunteer = await signedIn(url, 'frivillig@brobygger.test');
    const anonymous = await playwrightRequest.newContext({ baseURL: url });
    try {
      // A resource only staff may find, indexed by its job.
      const title = `Intern tolkeliste ${Date.now()}`;
      const created = await staff.post('/api/resources', {
        headers: { origin: url },
        data: { kind: 'guide', title, audience: 'staff' },
      });
      expect(created.status()).toBe(201);
      const page = '/soeg?q=tolkeliste';
      await expect
        .poll(async () => (await staff.get(page, { headers: { 'Cache-Control': 'no-cache' } })).text(), {
          timeout: 15_000,
        })
        .toContain(title);
      // The API keeps answers a second: let the next visits come from one kept page.
      await staff.get(page);
      const cached = await staff.get(page);
      expect(cached.headers()['x-page-cache']).toBe('hit');
      expect(cached.headers()['cache-control']).toBe('no-store');
      const html = await cached.text();
      expect(html).toContain(title);
      const full = await staff.get(page, { headers: { 'Cache-Control': 'no-cache' } });
      expect(full.headers()['x-page-cache']).toBeUndefined();
      expect(html).toBe(await full.text());
      // A volunteer and an anonymous visitor, on the warm cache, twice each: never the staff's hit.
      for (let round = 0; round < 2; round++) {
        for (const who of [volunteer, anonymous]) {
          const theirs = await who.get(page);
          expect(theirs.status()).toBe(200);
          expect(await theirs.text()).not.toContain(title);
        }
      }
      expect(await (await volunteer.get(page)).text()).not.toContain(
        html.match(/<nav class="account-menu"[\s\S]*?<\/nav>/)?.[0] ?? 'no menu',
      );
    } finally {
      await staff.dispose();
      await volunteer.dispose();
      await anonymous.dispose();
    }
  });

  test('never keeps a personal page, and a sign-out is seen on the next page at once', async ({
    baseURL,
  }) => {
    const url = baseURL ?? '';
    const staff = await signedIn(url, 'medarbejder@brobygger.test');
    try {
      for (let round = 0; round < 2; round++) {
        const minSide = await staff.get('/min-side');
        expect(minSide.headers()['x-page-cache']).toBeUndefined();
        expect(minSide.headers()['cache-control']).toBe('no-store');
      }
      await staff.get('/fokusomraader');
      expect((await staff.get('/fokusomraader')).headers()['x-page-cache']).toBe('hit');
      // The old cookie, sent again after the sign-out (as a stolen copy would be).
      const cookie = (await staff.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      expect(cookie).toContain('brobygger_session=');
      const logout = await staff.post('/api/auth/logout', { headers: { origin: url } });
      expect(logout.status()).toBeLessThan(300);
      const after = await (await staff.get('/fokusomraader', { headers: { cookie } })).text();
      expect(after).not.toContain('Mette Medarbejder');
      expect(after).toContain('/log-ind');
    } finally {
      await staff.dispose();
    }
  });
});
