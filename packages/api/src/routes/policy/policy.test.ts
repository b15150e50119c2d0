import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, readJson } from '../../test-support.ts';

describe.each(testDatabaseKinds())('the policy routes on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const get = async (path: string) => {
    const res = await api.app.request(path);
    return { status: res.status, body: await readJson(res) };
  };

  it('GET /api/policy gives the vision and the reporting months', async () => {
    const { status, body } = await get('/api/policy');
    expect(status).toBe(200);
    expect(body.policy.vision).toMatch(/^Borgere med flygtninge- og indvandrerbaggrund/);
    expect(body.policy.statusReportMonths).toEqual([3, 9]);
  });

  it('GET /api/strategy-tracks lists the six tracks', async () => {
    const { status, body } = await get('/api/strategy-tracks');
    expect(status).toBe(200);
    expect(body.strategyTracks).toHaveLength(6);
    expect(body.strategyTracks[0]).toEqual({
      slug: 'differentieret-integrationsindsats',
      name: 'En differentieret integrationsindsats',
      alsoWritten: null,
    });
  });

  it('GET /api/focus-areas lists three focus areas and three target groups, in order', async () => {
    const { status, body } = await get('/api/focus-areas');
    expect(status).toBe(200);
    expect(body.focusAreas.map((area: { slug: string }) => area.slug)).toEqual([
      'viden-og-videndeling',
      'sundhed-og-trivsel',
      'integrationsforstaaelse-og-kulturforskelle',
      'kvinder',
      'unge-maend',
      'familier-med-komplekse-problemstillinger',
    ]);
    expect(body.focusAreas.filter((area: { kind: string }) => area.kind === 'target-group')).toHaveLength(3);
    expect(body.focusAreas[0].lead).toEqual({ name: 'Integrationsteamet', reportsTo: 'jobcenterchefen (B)' });
  });

  it('GET /api/focus-areas/:slug gives tracks, lead, reports-to, partners and initiatives', async () => {
    const { status, body } = await get('/api/focus-areas/kvinder');
    expect(status).toBe(200);
    expect(body.focusArea).toMatchObject({
      slug: 'kvinder',
      name: 'Kvinder',
      kind: 'target-group',
      lead: { name: 'Integrationsteamet', reportsTo: 'jobcenterchefen (B)' },
      partners: ['Sundhedsfremme', 'Kompetencecenteret', 'Sundhedstjenesten'],
    });
    expect(body.focusArea.tracks.map((track: { slug: string }) => track.slug)).toEqual([
      'beskaeftigelse-og-uddannelse',
      'deltagelse-og-modtagelse',
      'boern-og-familieliv',
    ]);
    expect(body.focusArea.initiatives.map((initiative: { name: string }) => initiative.name)).toEqual([
      'Bydelsmødre',
      'IGU-SOSU',
      'Rengøringsforløb til mænd og kvinder',
    ]);
  });

  it('GET /api/initiatives?focusArea= filters, and Bydelsmødre belongs to two areas', async () => {
    const { status, body } = await get('/api/initiatives?focusArea=kvinder');
    expect(status).toBe(200);
    expect(body.initiatives).toHaveLength(3);
    const bydelsmoedre = body.initiatives.find(
      (initiative: { name: string }) => initiative.name === 'Bydelsmødre',
    );
    expect(bydelsmoedre.focusAreas.map((area: { slug: string }) => area.slug)).toEqual([
      'integrationsforstaaelse-og-kulturforskelle',
      'kvinder',
    ]);
    const all = await get('/api/initiatives');
    expect(all.body.initiatives.length).toBeGreaterThan(body.initiatives.length);
  });

  describe('bad input', () => {
    it('answers an unknown slug with 404', async () => {
      const { status, body } = await get('/api/focus-areas/findes-ikke');
      expect(status).toBe(404);
      expect(body.error).toEqual({ code: 'not_found', message: 'Fokusområdet "findes-ikke" findes ikke' });
      expect((await get('/api/initiatives?focusArea=findes-ikke')).status).toBe(404);
    });

    it.each([
      ['upper case', 'KVINDER'],
      ['an overlong slug', 'a'.repeat(101)],
      ['a null byte', 'kvinder%00'],
      ['broken percent-encoding', '%E0%A4%A'],
      ['a path traversal', '..%2F..%2Fetc%2Fpasswd'],
      ['unicode look-alikes', 'kv%D1%96nder'],
      ['an emoji', '%F0%9F%98%80'],
    ])('answers %s with 400 and a field message', async (_label, slug) => {
      const { status, body } = await get(`/api/focus-areas/${slug}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields.slug).toEqual([expect.any(String)]);
    });

    it('answers a bad or repeated query parameter with 400', async () => {
      for (const query of [
        'focusArea=Kvinder!',
        'focusArea=kvinder&focusArea=unge-maend',
        `focusArea=${'a'.repeat(200)}`,
      ]) {
        const { status, body } = await get(`/api/initiatives?${query}`);
        expect(status, query).toBe(400);
        expect(body.error.fields.focusArea, query).toBeDefined();
      }
    });
  });
});
