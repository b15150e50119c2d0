import type { AppLoadContext } from '@remix-run/node';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createPortalServer } from './create-portal-server';

// /api/me knows the visitor by a `session` cookie, as the real API does.
const api = new Hono().get('/api/me', (c) =>
  c.req.header('cookie')?.includes('session=')
    ? c.json({ user: { id: 'u1', displayName: 'Frida' } })
    : c.json({ error: { code: 'unauthorized', message: '' } }, 401),
);

/** Stands in for Remix: the root loader asks for the current user on every page. */
async function handleRequest(request: Request, context: AppLoadContext): Promise<Response> {
  const user = await context.currentUser();
  const headers = new Headers({ 'Content-Type': 'text/html' });
  if (new URL(request.url).pathname === '/sprog') headers.set('Set-Cookie', 'lng=en; Path=/');
  return new Response(`<p>${user?.displayName ?? 'anonymous'}</p>`, { headers });
}

const portal = () => createPortalServer({ api, handleRequest, production: false });

describe('page caching and the Permissions-Policy', () => {
  it('marks account pages no-store, also for an anonymous visitor', async () => {
    for (const path of [
      '/min-side',
      '/min-side/eksport',
      '/admin/brugere',
      '/log-ind',
      '/nulstil-adgangskode',
      // A guest's secret link, and the event pages about someone (issue 9).
      '/arrangementer/gaest/hemmelig-noegle',
      '/arrangementer/ny',
      '/arrangementer/7/deltagere',
      '/arrangementer/7/min-tilmelding',
      '/arrangementer/7/rediger',
      '/arrangementer/7/tilmeld-gaest',
      '/styregruppe',
      '/tovholder/kvinder',
    ]) {
      expect((await portal().request(path)).headers.get('Cache-Control'), path).toBe('no-store');
    }
  });

  it('marks every page shown to a signed-in visitor no-store (the header shows their name)', async () => {
    const res = await portal().request('/fokusomraader', { headers: { cookie: 'session=abc' } });
    expect(await res.text()).toContain('Frida');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('marks an answer that sets a cookie no-store', async () => {
    expect((await portal().request('/sprog')).headers.get('Cache-Control')).toBe('no-store');
  });

  it('leaves public pages for anonymous visitors cacheable', async () => {
    expect((await portal().request('/fokusomraader')).headers.get('Cache-Control')).toBeNull();
    expect((await portal().request('/arrangementer')).headers.get('Cache-Control')).toBeNull();
    expect((await portal().request('/arrangementer/7')).headers.get('Cache-Control')).toBeNull();
  });

  it('turns off the powerful browser features on every page', async () => {
    const policy = (await portal().request('/')).headers.get('Permissions-Policy') ?? '';
    for (const feature of ['camera=()', 'geolocation=()', 'microphone=()', 'payment=()']) {
      expect(policy).toContain(feature);
    }
  });
});
