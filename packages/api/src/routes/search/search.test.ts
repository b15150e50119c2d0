// GET /api/search (issue 12) on PGlite and PostgreSQL: the answer, access by reader keys, bad input.
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { createUser, findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { searchTypes } from '@brobygger/domain';
import { readerKeys, type SearchDocument, type SearchEngine, searchDocumentTypes } from '@brobygger/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEngineOf } from '../../search/engine.ts';
import { rebuildSearchIndex } from '../../search/rebuild.ts';
import { call, createTestApi } from '../../test-support.ts';

const secret = (id: string, readers: string[], title: string): SearchDocument => ({
  type: 'resource',
  id,
  title,
  summary: 'Et internt dokument.',
  body: 'Kun for dem med adgang.',
  url: `/viden/${id}`,
  focusAreas: ['sundhed-og-trivsel'],
  tags: ['fortroligt'],
  readers,
  updatedAt: new Date(),
});

describe.each(testDatabaseKinds())('GET /api/search on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let engine: SearchEngine;
  const tokens: Record<string, string> = {};
  let associationId: number;

  const search = async (query: string, token?: string) => {
    const res = await call(api.app, 'GET', `/api/search?${query}`, token ? { token } : {});
    return { status: res.status, body: res.json, res };
  };

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    engine = searchEngineOf(api.deps);
    await rebuildSearchIndex(api.db, engine);
    for (const email of ['medarbejder', 'frivillig', 'forening', 'admin']) {
      const user = await findUserByEmail(api.db, `${email}@brobygger.test`);
      tokens[email] = (await createSession(api.db, user?.id as string)).token;
    }
    const grant = await api.db
      .selectFrom('user_roles')
      .select('association_id')
      .where('role', '=', 'association_admin')
      .executeTakeFirstOrThrow();
    associationId = grant.association_id as number;
    await engine.upsert([
      secret('901', ['role:staff'], 'Personalehåndbog om tolkebistand'),
      secret('902', [`association:${associationId}`], 'Foreningens tolkebistand og referater'),
      secret('903', [`association:${associationId + 1000}`], 'En anden forenings tolkebistand'),
      secret('904', ['signed_in'], 'Medlemsguide til tolkebistand'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('finds the seeded policy’s own words, with type, id, title, snippet and url', async () => {
    const { status, body } = await search('q=sundhedssamtaler');
    expect(status).toBe(200);
    expect(body.hits[0]).toMatchObject({ type: 'initiative', title: 'Sundhedssamtaler' });
    expect(body.hits[0].url).toMatch(/^\/fokusomraader\//);
    expect(typeof body.hits[0].snippet).toBe('string');
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.totalCapped).toBe(false);
    expect(body.facets.type.initiative).toBeGreaterThanOrEqual(1);
    const area = await search('q=viden%20og%20videndeling&type=focus_area');
    expect(area.body.hits[0]).toMatchObject({ type: 'focus_area', id: 'viden-og-videndeling' });
  });

  it('shows each reader only what they may read, not even as a count', async () => {
    const seen = async (token?: string) => {
      const { body } = await search('q=tolkebistand&type=resource', token);
      return {
        ids: body.hits.map((h: { id: string }) => h.id).sort(),
        total: body.total,
        facets: body.facets,
      };
    };
    const anonymous = await seen();
    expect(anonymous).toEqual({ ids: [], total: 0, facets: { type: {}, focusArea: {}, tag: {} } });
    expect((await seen(tokens.frivillig)).ids).toEqual(['904']);
    expect((await seen(tokens.medarbejder)).ids).toEqual(['901', '904']);
    expect((await seen(tokens.forening)).ids).toEqual(['902', '904']);
    // Admins hold every role key, not other associations' keys.
    const admin = await seen(tokens.admin);
    expect(admin.ids).toEqual(['901', '904']);
    expect(admin.facets.tag.fortroligt).toBe(2);
    // Anonymous answers are kept a second for anonymous callers only (the page cache makes /soeg
    // from them): after the signed-in searches, anonymous still finds nothing of theirs.
    expect(await seen()).toEqual(anonymous);
  });

  it('filters by type, focus area and tag', async () => {
    const { body } = await search('q=frivillige&type=initiative');
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.every((h: { type: string }) => h.type === 'initiative')).toBe(true);
    const area = await search('q=sundhed&focusArea=sundhed-og-trivsel');
    expect(area.status).toBe(200);
    expect(area.body.total).toBeGreaterThan(0);
    const tag = await search('q=tolkebistand&tag=fortroligt', tokens.medarbejder);
    expect(tag.body.total).toBe(2);
  });

  describe('bad input', () => {
    const refused: [string, string, string][] = [
      ['an unknown type', 'q=x&type=opskrift', 'type'],
      ['an unknown facet', 'q=x&color=red', '_'],
      ['a page that is not a number', 'q=x&page=abc', 'page'],
      ['page 0', 'q=x&page=0', 'page'],
      ['a page too far', 'q=x&page=101', 'page'],
      ['a query over 2,000 characters', `q=${'a'.repeat(2001)}`, 'q'],
      ['a focus area that is not a slug', 'q=x&focusArea=%3Cscript%3E', 'focusArea'],
      ['a tag over 100 characters', `q=x&tag=${'t'.repeat(101)}`, 'tag'],
    ];
    for (const [what, query, field] of refused) {
      it(`refuses ${what} with 400 and a field message`, async () => {
        const { status, body } = await search(query);
        expect(status).toBe(400);
        expect(body.error.fields).toBeDefined();
        if (field !== '_') expect(Object.keys(body.error.fields)).toContain(field);
      });
    }

    const answered = [
      '',
      'q=',
      `q=${'a'.repeat(2000)}`,
      `q=${encodeURIComponent('frivillig '.repeat(199))}`,
      `q=${encodeURIComponent('"&|!:*\'\\(()[]{}<>')}`,
      `q=${encodeURIComponent('frivil:* & !sund | (bolig')}`,
      `q=${encodeURIComponent('og i på at det')}`,
      `q=${encodeURIComponent('😀🎉🇩🇰')}`,
      `q=${encodeURIComponent("'; drop table search_documents; --")}`,
      `q=${encodeURIComponent('\u0000\u0001')}`,
    ];
    for (const query of answered) {
      it(`answers "${decodeURIComponent(query).slice(0, 30)}" normally`, async () => {
        const { status, body } = await search(query);
        expect(status).toBe(200);
        expect(Array.isArray(body.hits)).toBe(true);
        expect(body.total).toBeGreaterThanOrEqual(0);
      });
    }

    it('answers a foreign Origin like any other (a read changes nothing)', async () => {
      const before = await engine.count();
      const res = await call(api.app, 'GET', '/api/search?q=sundhed', {
        headers: { origin: 'https://evil.example' },
      });
      expect(res.status).toBe(200);
      expect(await engine.count()).toBe(before);
    });
  });

  it('says when more than 1,000 match, counting only what the reader may see', async () => {
    const many = Array.from(
      { length: 1200 },
      (_, i): SearchDocument => ({
        type: 'post',
        id: `many-${i}`,
        title: `Indlæg ${i}`,
        summary: '',
        body: 'Et indlæg om zylofonundervisning.',
        url: `/forum/many-${i}`,
        focusAreas: [],
        tags: [],
        // 900 public, 300 for staff only.
        readers: i % 4 === 0 ? ['role:staff'] : ['public'],
        updatedAt: new Date(),
      }),
    );
    await engine.upsert(many);
    try {
      const anonymous = await search('q=zylofonundervisning');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({ total: 900, totalCapped: false });
      expect(anonymous.body.facets.type).toEqual({ post: 900 });
      const staff = await search('q=zylofonundervisning', tokens.medarbejder);
      expect(staff.body).toMatchObject({ total: 1000, totalCapped: true });
      expect(staff.body.hits).toHaveLength(10);
      expect((await search('q=zylofonundervisning&page=100', tokens.medarbejder)).body.hits).toHaveLength(10);
    } finally {
      await engine.remove(many.map((doc) => ({ type: doc.type, id: doc.id })));
    }
  }, 120_000);

  it('documents the capped count in the OpenAPI document', async () => {
    const res = await call(api.app, 'GET', '/api/openapi.json');
    const schema = res.json.paths['/api/search'].get.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['hits', 'facets', 'total', 'totalCapped']));
    expect(schema.properties.totalCapped.type).toBe('boolean');
    expect(schema.properties.total.maximum).toBe(1000);
    const headers = res.json.paths['/api/search'].get.responses['200'].headers;
    expect(headers['X-Search-Audience'].schema.type).toBe('string');
  });

  it('names whom an answer is for, and keeps it a second for those who find the same things only', async () => {
    // A second volunteer (everyone who registers is one): the same reader keys as the demo's.
    const user = await createUser(api.db, {
      email: 'anden.frivillig@brobygger.test',
      passwordHash: 'not-used',
      displayName: 'Anden Frivillig',
      emailVerified: true,
    });
    const other = (await createSession(api.db, user?.id as string)).token;
    const asked = async (token?: string) => {
      const { status, body, res } = await search('q=tolkebistand&type=resource&page=1', token);
      expect(status).toBe(200);
      return {
        audience: res.headers.get('x-search-audience'),
        ids: body.hits.map((h: { id: string }) => h.id).sort(),
      };
    };
    // One after another within the second the answers are kept: each keeps their own.
    const staff = await asked(tokens.medarbejder);
    const volunteer = await asked(tokens.frivillig);
    const otherVolunteer = await asked(other);
    const association = await asked(tokens.forening);
    const admin = await asked(tokens.admin);
    const anonymous = await asked();
    expect(staff.ids).toEqual(['901', '904']);
    expect(volunteer.ids).toEqual(['904']);
    expect(association.ids).toEqual(['902', '904']);
    expect(admin.ids).toEqual(['901', '904']);
    expect(anonymous).toEqual({ audience: 'public', ids: [] });
    expect(otherVolunteer).toEqual(volunteer);
    // Opaque, and different for every set of reader keys (the admin holds every role key).
    expect(staff.audience).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const audiences = [staff, volunteer, association, admin, anonymous].map((seen) => seen.audience);
    expect(new Set(audiences).size).toBe(5);
    // Nobody's answer is the user's own: no reader key names one user.
    expect(readerKeys({ userId: 'u-1', roles: ['volunteer'] })).toEqual(
      readerKeys({ userId: 'u-2', roles: ['volunteer'] }),
    );
  });

  it('marks a signed-in answer no-store', async () => {
    const { res } = await search('q=sundhed', tokens.frivillig);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('knows the same document types as the search package', () => {
    expect([...searchTypes]).toEqual([...searchDocumentTypes]);
  });
});
