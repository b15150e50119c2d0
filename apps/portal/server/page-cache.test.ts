import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { searchAudienceOf } from '@brobygger/api';
import type { RoleGrant } from '@brobygger/domain';
import type { AppLoadContext } from '@remix-run/node';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPortalServer } from './create-portal-server';
import { PageCache, type RenderedForCache, splitAtAccountMenu } from './page-cache';

// Users known to the API by their session cookie; Ada is an admin, Sten in the steering group,
// Mia and Mads staff.
const users: Record<string, { id: string; displayName: string; roles: { role: string }[] }> = {
  mia: { id: 'u-mia', displayName: 'Mia Medarbejder', roles: [{ role: 'staff' }] },
  mads: { id: 'u-mads', displayName: 'Mads Medarbejder', roles: [{ role: 'staff' }] },
  ada: { id: 'u-ada', displayName: 'Ada <Admin>', roles: [{ role: 'admin' }] },
  bo: { id: 'u-bo', displayName: 'Bo Bruger', roles: [] },
  bo2: { id: 'u-bo2', displayName: 'Bo Bruger', roles: [] },
  sten: { id: 'u-sten', displayName: 'Sten Styregruppe', roles: [{ role: 'steering_group' }] },
};
const sessionCookie = 'brobygger_session';
const userOf = (cookie: string | undefined) => {
  const token = /brobygger_session=([a-z0-9]+)/.exec(cookie ?? '')?.[1];
  return token ? users[token] : undefined;
};

let focusAreaName = 'Kvinder';
let eventTitle = 'Dialogmøde';
let overviewTitle = 'Marts 2027';
let generation = 1;
let localVersion = 0;
let now = 0;
let renders = 0;
let failures = 0;
/** Whom the stand-in search answers for when not its caller (roles that changed meanwhile). */
let searchAnswersFor: string | undefined;

const api = new Hono()
  .get('/api/me', (c) => {
    const user = userOf(c.req.header('cookie'));
    return user ? c.json({ user }) : c.json({ error: { code: 'unauthorized', message: '' } }, 401);
  })
  // A public read (the policy's, ADR 0011) and a read that is not one.
  .get('/api/focus-areas', (c) => c.json({ focusAreas: [{ name: focusAreaName }] }))
  .get('/api/admin/users', (c) => c.json({ users: [] }))
  // A short-lived public read (the event list: the same for everyone, kept a second).
  .get('/api/events', (c) => c.json({ events: [{ title: eventTitle }] }))
  // A shared read: the same for everyone `steering:read` allows (the steering group, admins).
  .get('/api/steering/overview', (c) => {
    const user = userOf(c.req.header('cookie'));
    if (!user) return c.json({ error: { code: 'unauthorized', message: '' } }, 401);
    if (!user.roles.some((grant) => grant.role === 'steering_group' || grant.role === 'admin')) {
      return c.json({ error: { code: 'forbidden', message: '' } }, 403);
    }
    return c.json({ overview: { title: overviewTitle } });
  })
  // Search (issue 12): what is found depends on the caller's roles; the answer names its audience.
  .get('/api/search', (c) => {
    const user = (searchAnswersFor ? users[searchAnswersFor] : undefined) ?? userOf(c.req.header('cookie'));
    const actor = user ? { userId: user.id, grants: user.roles as readonly RoleGrant[] } : null;
    const staff = user?.roles.some((grant) => grant.role === 'staff' || grant.role === 'admin');
    const titles = [`Offentlig vejledning om ${c.req.query('q')}`, ...(staff ? ['Intern tolkeliste'] : [])];
    c.header('X-Search-Audience', searchAudienceOf(actor));
    return c.json({ hits: titles.map((title) => ({ title })) });
  });

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Stands in for Remix: a layout whose header has the account menu (from `headerUser`, as the root
 * loader reads it), and pages that read public data, other data, or the user in their loaders.
 */
async function fakeRemix(request: Request, context: AppLoadContext): Promise<Response> {
  renders += 1;
  const url = new URL(request.url);
  const language = /lng=en/.test(request.headers.get('cookie') ?? '') ? 'en' : 'da';
  const headerUser = (await context.headerUser()) as (typeof users)[string] | null;
  const admin = headerUser?.roles.some((grant) => grant.role === 'admin');
  const steering = headerUser?.roles.some((grant) => grant.role === 'steering_group');
  const current = url.pathname.startsWith('/styregruppe') ? ' aria-current="true"' : '';
  const menu = headerUser
    ? `<nav class="account-menu">${admin ? '<a href="/admin/brugere">Admin</a>' : ''}${steering ? `<a href="/styregruppe"${current}>Styregruppe</a>` : ''}<a href="/min-side">${escapeHtml(headerUser.displayName)}</a></nav>`
    : `<nav class="account-menu"><a href="/log-ind">${language === 'en' ? 'Log in' : 'Log ind'}</a></nav>`;
  let main = '';
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
  let status = 200;
  if (url.pathname === '/fokusomraader') {
    const { focusAreas } = (await (await context.api.api['focus-areas'].$get({ query: {} })).json()) as {
      focusAreas: { name: string }[];
    };
    main = focusAreas.map((area) => `<li>${area.name}</li>`).join('');
  } else if (url.pathname === '/arrangementer') {
    const client = context.api as unknown as { api: { events: { $get: () => Promise<Response> } } };
    const { events } = (await (await client.api.events.$get()).json()) as { events: { title: string }[] };
    main = events.map((event) => `<li>${event.title}</li>`).join('');
  } else if (url.pathname === '/andet') {
    await fetchPath(context, '/api/admin/users');
    main = 'andet';
  } else if (url.pathname === '/for-dig') {
    const user = (await context.currentUser()) as (typeof users)[string] | null;
    main = user ? `Hej ${escapeHtml(user.displayName)}` : 'Hej gæst';
  } else if (url.pathname === '/styregruppe') {
    // A shared page: gated on the visitor, made of a shared read.
    if (!(await context.visitor())) {
      return new Response(null, { status: 302, headers: { Location: '/log-ind' } });
    }
    const client = context.api as unknown as {
      api: { steering: { overview: { $get: () => Promise<Response> } } };
    };
    const answer = await client.api.steering.overview.$get();
    if (answer.status === 403) {
      status = 403;
      main = 'ingen adgang';
    } else {
      const { overview } = (await answer.json()) as { overview: { title: string } };
      main = `<h1>${overview.title}</h1>`;
    }
  } else if (url.pathname === '/stor') {
    // A page of public data big enough to be sent compressed.
    const { focusAreas } = (await (await context.api.api['focus-areas'].$get({ query: {} })).json()) as {
      focusAreas: { name: string }[];
    };
    main = `<p>${'Æbler og pærer i Skanderborg. '.repeat(60)}</p><ul><li>${focusAreas[0]?.name}</li></ul>`;
  } else if (url.pathname === '/soeg') {
    // A search page: its only read that depends on the visitor is the search.
    const client = context.api as unknown as {
      api: { search: { $get: (args: { query: { q: string } }) => Promise<Response> } };
    };
    const answer = await client.api.search.$get({ query: { q: url.searchParams.get('q') ?? '' } });
    const { hits } = (await answer.json()) as { hits: { title: string }[] };
    main = hits.map((hit) => `<li>${escapeHtml(hit.title)}</li>`).join('');
  } else if (url.pathname === '/ustabil') {
    // A page of public data whose render fails while `failures` lasts (a timeout under load).
    await context.api.api['focus-areas'].$get({ query: {} });
    if (failures > 0) {
      failures -= 1;
      status = 500;
      main = 'fejl';
    } else main = 'stabil';
  } else if (url.pathname === '/script') {
    main = `<script nonce="${context.cspNonce}"></script>`;
  } else if (url.pathname === '/cookie') {
    headers.append('Set-Cookie', 'lng=en; Path=/');
  } else if (url.pathname !== '/') {
    status = 404;
    main = 'findes ikke';
  }
  return new Response(`<html lang="${language}"><header>${menu}</header><main>${main}</main></html>`, {
    status,
    headers,
  });
}

async function fetchPath(context: AppLoadContext, path: string) {
  // The typed client only knows the real API's routes; this stand-in has its own.
  const client = context.api as unknown as { api: { admin: { users: { $get: () => Promise<Response> } } } };
  if (path === '/api/admin/users') return client.api.admin.users.$get();
  throw new Error(path);
}

function portal(identify = false) {
  const pageCache = new PageCache({
    generation: async () => generation,
    localVersion: () => localVersion,
    ttlMs: 60_000,
    now: () => now,
  });
  return createPortalServer({
    api,
    handleRequest: fakeRemix,
    production: false,
    pageCache,
    ...(identify
      ? { identifyVisitor: async (headers: Headers) => userOf(headers.get('cookie') ?? undefined) ?? null }
      : {}),
  });
}

const as = (token: string, extra = '') => ({ headers: { cookie: `${sessionCookie}=${token}${extra}` } });

beforeEach(() => {
  overviewTitle = 'Marts 2027';
  focusAreaName = 'Kvinder';
  eventTitle = 'Dialogmøde';
  generation = 1;
  now = 0;
  renders = 0;
  failures = 0;
  searchAnswersFor = undefined;
});

describe('the page cache, for anonymous visitors', () => {
  it('renders a page of public data once and answers the same bytes again, with an ETag and 304', async () => {
    const app = portal();
    const first = await app.request('/fokusomraader');
    const second = await app.request('/fokusomraader');
    expect(renders).toBe(1);
    expect(first.headers.get('X-Page-Cache')).toBe('miss');
    expect(second.headers.get('X-Page-Cache')).toBe('hit');
    const body = await second.text();
    expect(body).toBe(await first.text());
    expect(body).toContain('<li>Kvinder</li>');
    expect(second.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(second.headers.get('Vary')).toContain('Cookie');
    // The security headers (a fresh nonce) are added to a kept page as to a rendered one.
    expect(second.headers.get('Content-Security-Policy')).toContain("'nonce-");
    const etag = second.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const notModified = await app.request('/fokusomraader', { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(renders).toBe(1);
  });

  it('answers a kept page compressed as the client accepts: the same page, a weak ETag, Vary', async () => {
    const app = portal();
    const plain = await app.request('/stor');
    const identity = await plain.text();
    expect(identity.length).toBeGreaterThan(1024);
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const strong = plain.headers.get('ETag') ?? '';
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      for (let round = 0; round < 2; round++) {
        const packed = await app.request('/stor', { headers: { 'Accept-Encoding': accept } });
        expect(packed.headers.get('X-Page-Cache')).toBe('hit');
        expect(packed.headers.get('Content-Encoding')).toBe(encoding);
        expect(packed.headers.get('Vary')).toMatch(/Cookie/);
        expect(packed.headers.get('Vary')).toMatch(/Accept-Encoding/);
        expect(packed.headers.get('ETag')).toBe(`W/${strong}`);
        const bytes = Buffer.from(await packed.arrayBuffer());
        expect(bytes.length).toBeLessThan(identity.length / 2);
        expect(decode(bytes).toString()).toBe(identity);
      }
    }
    const notModified = await app.request('/stor', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': `W/${strong}` },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('Content-Encoding')).toBeNull();
    expect(renders).toBe(1);
  });

  it('renders again once the public data changed (the counter moved) or the entry grew old', async () => {
    const app = portal();
    await app.request('/fokusomraader');
    focusAreaName = 'Kvinder (ændret)';
    // Without a change of the counter the kept page is still answered…
    expect(await (await app.request('/fokusomraader')).text()).toContain('<li>Kvinder</li>');
    generation = 2;
    expect(await (await app.request('/fokusomraader')).text()).toContain('<li>Kvinder (ændret)</li>');
    expect(renders).toBe(2);
    now += 60_000;
    await app.request('/fokusomraader');
    expect(renders).toBe(3);
  });

  it('keeps a page made from a short-lived public read (the event list) for a second at most', async () => {
    const app = portal();
    await app.request('/arrangementer');
    eventTitle = 'Dialogmøde (flyttet)';
    now += 999;
    const within = await app.request('/arrangementer');
    expect(within.headers.get('X-Page-Cache')).toBe('hit');
    expect(await within.text()).toContain('<li>Dialogmøde</li>');
    now += 1;
    const after = await app.request('/arrangementer');
    expect(after.headers.get('X-Page-Cache')).toBe('miss');
    expect(await after.text()).toContain('<li>Dialogmøde (flyttet)</li>');
    expect(renders).toBe(2);
    // A change of the list made in this process is seen at once.
    eventTitle = 'Dialogmøde (aflyst)';
    localVersion += 1;
    expect(await (await app.request('/arrangementer')).text()).toContain('<li>Dialogmøde (aflyst)</li>');
    expect(renders).toBe(3);
  });

  it('keeps each language and each query apart', async () => {
    const app = portal();
    expect(await (await app.request('/')).text()).toContain('Log ind');
    expect(await (await app.request('/', { headers: { cookie: 'lng=en' } })).text()).toContain('Log in');
    expect(await (await app.request('/')).text()).toContain('Log ind');
    await app.request('/?side=2');
    expect(renders).toBe(3);
  });

  it('never keeps a page that reads more than public data, sets a cookie, uses the nonce or is not a 200', async () => {
    const app = portal();
    for (const path of ['/andet', '/cookie', '/script', '/findes-ikke']) {
      renders = 0;
      const first = await app.request(path);
      const second = await app.request(path);
      expect(renders, path).toBe(2);
      expect(second.headers.get('X-Page-Cache'), path).toBeNull();
      expect(second.headers.get('ETag'), path).toBeNull();
      // Each render has its own nonce; otherwise the same page.
      const withoutNonce = async (response: Response) => (await response.text()).replace(/nonce="[^"]+"/, '');
      expect(await withoutNonce(second), path).toBe(await withoutNonce(first));
    }
    const script = await app.request('/script');
    const nonce = /'nonce-([^']+)'/.exec(script.headers.get('Content-Security-Policy') ?? '')?.[1];
    expect(await script.text()).toContain(`nonce="${nonce}"`);
  });

  it('renders a page once for visitors who ask for it at the same time', async () => {
    const app = portal();
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.request('/fokusomraader')));
    expect(renders).toBe(1);
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    const bodies = new Set(await Promise.all(answers.map((answer) => answer.text())));
    expect([...bodies]).toHaveLength(1);
    expect([...bodies][0]).toContain('<li>Kvinder</li>');
    // Signed-in visitors wait for the same anonymous render.
    generation = 2;
    renders = 0;
    await Promise.all([
      app.request('/fokusomraader'),
      app.request('/fokusomraader', as('bo')),
      app.request('/fokusomraader', as('bo')),
    ]);
    // One anonymous render for the page (not one per visitor: that would be 3), and a full render
    // for each of Bo's two visits, as his account menu is not known until one of them is done.
    expect(renders).toBe(3);
  });

  it('does not remember a failed render: the next visitor gets the page rendered and kept', async () => {
    const app = portal();
    failures = 1;
    const failed = await app.request('/ustabil');
    expect(failed.status).toBe(500);
    const next = await app.request('/ustabil');
    expect(next.status).toBe(200);
    expect(next.headers.get('X-Page-Cache')).toBe('miss');
    const kept = await app.request('/ustabil');
    expect(kept.headers.get('X-Page-Cache')).toBe('hit');
    expect(renders).toBe(2);
  });

  it('renders every time what is not a plain GET of a public page without other cookies', async () => {
    const app = portal();
    await app.request('/fokusomraader');
    renders = 0;
    await app.request('/fokusomraader', { headers: { cookie: 'anden=1' } });
    await app.request('/fokusomraader', { headers: { 'Cache-Control': 'no-cache' } });
    await app.request('/fokusomraader', { headers: { Authorization: 'Bearer x' } });
    await app.request('/min-side');
    await app.request('/min-side');
    expect(renders).toBe(5);
  });
});

describe('the page cache, for signed-in visitors', () => {
  for (const identify of [false, true]) {
    const how = identify ? 'identified by the session check' : 'identified through GET /api/me';

    it(`shows each visitor their own account menu on a shared page, never another's (${how})`, async () => {
      const app = portal(identify);
      // Warmed by Ada (an admin) first, then Bo, then both again from the cache.
      const ada1 = await (await app.request('/fokusomraader', as('ada'))).text();
      const bo1 = await (await app.request('/fokusomraader', as('bo'))).text();
      const rendersBefore = renders;
      const ada2 = await app.request('/fokusomraader', as('ada'));
      const bo2 = await app.request('/fokusomraader', as('bo'));
      expect(renders).toBe(rendersBefore);
      expect(ada2.headers.get('X-Page-Cache')).toBe('hit');
      expect(ada2.headers.get('Cache-Control')).toBe('no-store');
      expect(ada2.headers.get('ETag')).toBeNull();
      const adaText = await ada2.text();
      const boText = await bo2.text();
      expect(adaText).toBe(ada1);
      expect(boText).toBe(bo1);
      expect(adaText).toContain('Ada &lt;Admin&gt;');
      expect(adaText).toContain('/admin/brugere');
      expect(adaText).not.toContain('Bo Bruger');
      expect(boText).toContain('Bo Bruger');
      expect(boText).not.toContain('Ada');
      expect(boText).not.toContain('/admin/brugere');
      expect(boText).toContain('<li>Kvinder</li>');
      // Anonymous visitors still get the anonymous page.
      const anonymous = await (await app.request('/fokusomraader')).text();
      expect(anonymous).toContain('Log ind');
      expect(anonymous).not.toMatch(/Ada|Bo Bruger/);
    });
  }

  it('answers a spliced page compressed as the visitor accepts, each with their own menu', async () => {
    const app = portal(true);
    await app.request('/stor', as('ada'));
    await app.request('/stor', as('bo'));
    for (let round = 0; round < 2; round++) {
      const ada = await app.request('/stor', {
        headers: { cookie: `${sessionCookie}=ada`, 'Accept-Encoding': 'br' },
      });
      expect(ada.headers.get('X-Page-Cache')).toBe('hit');
      expect(ada.headers.get('Content-Encoding')).toBe('br');
      const adaPage = brotliDecompressSync(Buffer.from(await ada.arrayBuffer())).toString();
      expect(adaPage).toContain('Ada &lt;Admin&gt;');
      expect(adaPage).not.toContain('Bo Bruger');
      const bo = await app.request('/stor', {
        headers: { cookie: `${sessionCookie}=bo`, 'Accept-Encoding': 'gzip' },
      });
      expect(bo.headers.get('Content-Encoding')).toBe('gzip');
      const boPage = gunzipSync(Buffer.from(await bo.arrayBuffer())).toString();
      expect(boPage).toContain('Bo Bruger');
      expect(boPage).not.toContain('Ada');
      expect(boPage).toBe(await (await app.request('/stor', as('bo'))).text());
    }
  });

  it('answers a spliced page byte for byte as the full render would', async () => {
    const app = portal(true);
    await app.request('/fokusomraader', as('ada', '; lng=en'));
    const spliced = await app.request('/fokusomraader', as('ada', '; lng=en'));
    expect(spliced.headers.get('X-Page-Cache')).toBe('hit');
    const full = await app.request('/fokusomraader', {
      headers: { cookie: `${sessionCookie}=ada; lng=en`, 'Cache-Control': 'no-cache' },
    });
    expect(full.headers.get('X-Page-Cache')).toBeNull();
    expect(await spliced.text()).toBe(await full.text());
  });

  it('shares a menu only between visitors it shows the same way (name, admin, language)', async () => {
    const app = portal(true);
    await app.request('/fokusomraader', as('bo'));
    const rendersBefore = renders;
    // Another session of someone with the same name and roles: the same menu, from the cache.
    const same = await app.request('/fokusomraader', as('bo2'));
    expect(same.headers.get('X-Page-Cache')).toBe('hit');
    expect(renders).toBe(rendersBefore);
    // In English the menu is rendered again.
    const english = await app.request('/fokusomraader', as('bo', '; lng=en'));
    expect(english.headers.get('X-Page-Cache')).toBeNull();
    expect(renders).toBeGreaterThan(rendersBefore);
  });

  it('renders in full, every time, a page whose loader asks who is signed in', async () => {
    const app = portal(true);
    expect(await (await app.request('/for-dig')).text()).toContain('Hej gæst');
    expect(await (await app.request('/for-dig')).text()).toContain('Hej gæst');
    expect(renders).toBe(1);
    for (let round = 0; round < 2; round++) {
      const ada = await app.request('/for-dig', as('ada'));
      expect(ada.headers.get('X-Page-Cache')).toBeNull();
      expect(ada.headers.get('Cache-Control')).toBe('no-store');
      expect(await ada.text()).toContain('Hej Ada &lt;Admin&gt;');
      expect(await (await app.request('/for-dig', as('bo'))).text()).toContain('Hej Bo Bruger');
    }
  });

  it('renders in full for a session cookie the API does not know', async () => {
    const app = portal(true);
    await app.request('/fokusomraader');
    const unknown = await app.request('/fokusomraader', as('ukendt'));
    expect(unknown.headers.get('X-Page-Cache')).toBeNull();
    expect(await unknown.text()).toContain('Log ind');
  });

  it('fills the cache from a signed-in visit by rendering the page as an anonymous visitor would see it', async () => {
    const app = portal(true);
    await app.request('/fokusomraader', as('bo'));
    const anonymous = await app.request('/fokusomraader');
    expect(anonymous.headers.get('X-Page-Cache')).toBe('hit');
    expect(await anonymous.text()).not.toContain('Bo Bruger');
  });
});

describe('the page cache, for a shared page (the same for everyone one permission allows)', () => {
  it('renders it once for the steering group, and gives each member their own account menu', async () => {
    const app = portal(true);
    const first = await app.request('/styregruppe', as('sten'));
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Page-Cache')).toBeNull();
    const firstBody = await first.text();
    expect(firstBody).toContain('<h1>Marts 2027</h1>');
    expect(renders).toBe(1);
    const again = await app.request('/styregruppe', as('sten'));
    expect(again.headers.get('X-Page-Cache')).toBe('hit');
    expect(again.headers.get('Cache-Control')).toBe('no-store');
    expect(await again.text()).toBe(firstBody);
    expect(renders).toBe(1);
    // Ada (an admin, also allowed): her first visit renders in full for her menu, then hits.
    const adaFirst = await (await app.request('/styregruppe', as('ada'))).text();
    const adaAgain = await app.request('/styregruppe', as('ada'));
    expect(adaAgain.headers.get('X-Page-Cache')).toBe('hit');
    const adaBody = await adaAgain.text();
    expect(adaBody).toBe(adaFirst);
    expect(adaBody).toContain('Ada &lt;Admin&gt;');
    expect(adaBody).not.toContain('Sten');
    expect(renders).toBe(2);
  });

  it('never shows it to anyone the permission does not allow, however warm the cache', async () => {
    const app = portal(true);
    await app.request('/styregruppe', as('sten'));
    await app.request('/styregruppe', as('sten'));
    const bo = await app.request('/styregruppe', as('bo'));
    expect(bo.status).toBe(403);
    expect(await bo.text()).not.toContain('Marts 2027');
    const anonymous = await app.request('/styregruppe');
    expect(anonymous.status).toBe(302);
    const unknown = await app.request('/styregruppe', as('ukendt'));
    expect(unknown.status).toBe(302);
    // A refused visitor first does not stop the page being kept for those allowed.
    const fresh = portal(true);
    renders = 0;
    await fresh.request('/styregruppe', as('bo'));
    await fresh.request('/styregruppe', as('sten'));
    expect((await fresh.request('/styregruppe', as('sten'))).headers.get('X-Page-Cache')).toBe('hit');
    expect(renders).toBe(2);
  });

  it('renders it again once the data changed', async () => {
    const app = portal(true);
    await app.request('/styregruppe', as('sten'));
    overviewTitle = 'September 2027';
    generation += 1;
    const after = await app.request('/styregruppe', as('sten'));
    expect(await after.text()).toContain('<h1>September 2027</h1>');
    expect(after.headers.get('X-Page-Cache')).toBeNull();
  });
});

describe('the page cache, for a search page (the same for everyone who may find the same things)', () => {
  it('renders it once per search audience, and gives each visitor their own account menu', async () => {
    const app = portal(true);
    const mia = await app.request('/soeg?q=tolk', as('mia'));
    expect(mia.headers.get('X-Page-Cache')).toBeNull();
    const miaBody = await mia.text();
    expect(miaBody).toContain('Intern tolkeliste');
    expect(renders).toBe(1);
    const miaAgain = await app.request('/soeg?q=tolk', as('mia'));
    expect(miaAgain.headers.get('X-Page-Cache')).toBe('hit');
    expect(miaAgain.headers.get('Cache-Control')).toBe('no-store');
    expect(await miaAgain.text()).toBe(miaBody);
    expect(renders).toBe(1);
    // Mads, also staff: his first visit renders in full for his menu, then hits the same entry.
    const madsFirst = await (await app.request('/soeg?q=tolk', as('mads'))).text();
    const madsAgain = await app.request('/soeg?q=tolk', as('mads'));
    expect(madsAgain.headers.get('X-Page-Cache')).toBe('hit');
    const madsBody = await madsAgain.text();
    expect(madsBody).toBe(madsFirst);
    expect(madsBody).toContain('Mads Medarbejder');
    expect(madsBody).toContain('Intern tolkeliste');
    expect(madsBody).not.toContain('Mia');
    expect(renders).toBe(2);
    // Another query is another page.
    expect((await app.request('/soeg?q=sprog', as('mia'))).headers.get('X-Page-Cache')).toBeNull();
  });

  it('never shows one audience what another found, however warm the cache', async () => {
    const app = portal(true);
    for (const who of ['mia', 'mia', 'ada', 'ada']) await app.request('/soeg?q=tolk', as(who));
    for (let round = 0; round < 2; round++) {
      for (const who of ['bo', 'bo2', 'sten']) {
        const page = await app.request('/soeg?q=tolk', as(who));
        expect(page.status).toBe(200);
        const body = await page.text();
        expect(body).toContain(escapeHtml(users[who]?.displayName ?? ''));
        expect(body).toContain('Offentlig vejledning om tolk');
        expect(body).not.toContain('Intern tolkeliste');
        expect(body).not.toMatch(/Mia|Ada/);
      }
      const anonymous = await app.request('/soeg?q=tolk');
      const anonymousBody = await anonymous.text();
      expect(anonymousBody).toContain('Log ind');
      expect(anonymousBody).not.toContain('Intern tolkeliste');
      if (round === 1) expect(anonymous.headers.get('X-Page-Cache')).toBe('hit');
    }
    // Bo and Bo 2 (no roles, the same menu) share one entry; Sten has his own audience.
    expect((await app.request('/soeg?q=tolk', as('bo2'))).headers.get('X-Page-Cache')).toBe('hit');
  });

  it('keeps nothing when the search answered for another audience than the key names', async () => {
    const app = portal(true);
    // Bo's roles changed between the page cache's look at him and the render's search.
    searchAnswersFor = 'mia';
    for (let round = 0; round < 3; round++) {
      const bo = await app.request('/soeg?q=tolk', as('bo'));
      expect(bo.headers.get('X-Page-Cache')).toBeNull();
    }
    expect(renders).toBe(3);
    searchAnswersFor = undefined;
    const bo = await app.request('/soeg?q=tolk', as('bo'));
    expect(await bo.text()).not.toContain('Intern tolkeliste');
  });

  it('keeps it a second at most (search answers are kept a second), and not past a change', async () => {
    const app = portal(true);
    await app.request('/soeg?q=tolk', as('mia'));
    expect((await app.request('/soeg?q=tolk', as('mia'))).headers.get('X-Page-Cache')).toBe('hit');
    now += 1000;
    expect((await app.request('/soeg?q=tolk', as('mia'))).headers.get('X-Page-Cache')).toBeNull();
    generation += 1;
    expect((await app.request('/soeg?q=tolk', as('mia'))).headers.get('X-Page-Cache')).toBeNull();
  });

  it('does not share an anonymous page made with a search with signed-in visitors', async () => {
    const app = portal(true);
    await app.request('/soeg?q=tolk');
    expect((await app.request('/soeg?q=tolk')).headers.get('X-Page-Cache')).toBe('hit');
    const mia = await app.request('/soeg?q=tolk', as('mia'));
    expect(mia.headers.get('X-Page-Cache')).toBeNull();
    expect(await mia.text()).toContain('Intern tolkeliste');
  });
});

describe('PageCache.storeForSearchAudience', () => {
  const cache = () => new PageCache({ generation: async () => 1, now: () => 0 });
  const page = '<html><header><nav class="account-menu"><a>Mia</a></nav></header><main>x</main></html>';
  const rendered = (changes: Partial<RenderedForCache> = {}): RenderedForCache => ({
    response: new Response(page, { headers: { 'Content-Type': 'text/html' } }),
    body: page,
    onlyPublicReads: true,
    askedForUser: false,
    maxAgeMs: 1000,
    searchAudience: 'staff-audience',
    nonce: 'nonce-1',
    ...changes,
  });

  it('keeps a render whose searches all answered for the audience, a second at most', async () => {
    const pages = cache();
    const kept = pages.storeForSearchAudience('k', '1:0', rendered(), 'staff-audience');
    expect(kept).toMatchObject({ kind: 'page', menu: '', sharedWithSignedIn: false, maxAgeMs: 1000 });
    expect(kept?.sharedBy).toBeUndefined();
  });

  it('refuses a render made for another audience, several, a failed search, or none', () => {
    for (const searchAudience of ['volunteer-audience', null, undefined]) {
      expect(
        cache().storeForSearchAudience('k', '1:0', rendered({ searchAudience }), 'staff-audience'),
      ).toBeUndefined();
    }
  });

  it('refuses a render that asked who the visitor is, read more than public data, or made shared reads', () => {
    for (const changes of [
      { askedForUser: true },
      { onlyPublicReads: false },
      { sharedBy: 'status:review' as const },
      { body: '<main>no menu</main>' },
      { response: new Response(page, { status: 404, headers: { 'Content-Type': 'text/html' } }) },
    ]) {
      expect(cache().storeForSearchAudience('k', '1:0', rendered(changes), 'staff-audience')).toBeUndefined();
    }
  });

  it('never keeps an anonymous page whose search answered for anyone but the public', () => {
    const anonymous = (searchAudience: string) =>
      cache().store('k', '1:0', rendered({ searchAudience, onlyPublicReads: true }));
    expect(anonymous('public')).toMatchObject({ kind: 'page', sharedWithSignedIn: false });
    expect(anonymous('staff-audience')).toMatchObject({ kind: 'uncacheable' });
  });
});

describe('splitAtAccountMenu', () => {
  it('finds the one account menu, and refuses a page with none or two', () => {
    expect(splitAtAccountMenu('<p>a</p><nav class="account-menu"><a>x</a></nav><p>b</p>')).toEqual({
      before: '<p>a</p>',
      menu: '<nav class="account-menu"><a>x</a></nav>',
      after: '<p>b</p>',
    });
    expect(splitAtAccountMenu('<p>a</p>')).toBeUndefined();
    expect(
      splitAtAccountMenu('<nav class="account-menu"></nav><nav class="account-menu"></nav>'),
    ).toBeUndefined();
  });
});

describe('what the page cache relies on in the app', () => {
  const appDir = join(import.meta.dirname, '..', 'app');
  const files = (readdirSync(appDir, { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => ({ file: file.split('\\').join('/'), source: readFileSync(join(appDir, file), 'utf8') }));
  const using = (pattern: RegExp) =>
    files.filter(({ source }) => pattern.test(source)).map(({ file }) => file);

  it('makes the search page of searches and public reads only, never asking who the visitor is', () => {
    // The page cache keeps /soeg once per search audience (server/create-portal-server.ts).
    expect(using(/api\.search\.\$get/)).toEqual(['routes/soeg.tsx']);
    expect(readFileSync(join(appDir, 'routes', 'soeg.tsx'), 'utf8')).not.toMatch(
      /currentUser\(|visitor\(|requireVisitor\(|useSignedInUser\(/,
    );
  });

  it('reads the user for the account menu only in the root loader and the header', () => {
    // Anything else that shows the visitor must ask with currentUser(), which marks its page.
    expect(using(/headerUser\(/)).toEqual(['root.tsx']);
    expect(using(/useSignedInUser\(/).sort()).toEqual([
      'components/site-header.tsx',
      'lib/use-current-user.ts',
    ]);
    expect(using(/account-menu"/)).toEqual(['components/site-header.tsx']);
    // Only shared pages gate on the visitor without asking who it is: the steering overview.
    expect(using(/context\.visitor\(/)).toEqual(['lib/session.server.ts']);
    expect(using(/requireVisitor\(/).sort()).toEqual([
      'lib/session.server.ts',
      'lib/status.server.ts',
      'routes/frivillige._index.tsx',
    ]);
    // The root loader's user, which the account menu shows, is the view the menu's key is made of.
    expect(readFileSync(join(appDir, 'root.tsx'), 'utf8')).toMatch(
      /user: user \? headerUserView\(user\) : null/,
    );
  });
});
