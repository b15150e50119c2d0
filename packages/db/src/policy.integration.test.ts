import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './open-database.ts';
import {
  getFocusAreaBySlug,
  getPolicy,
  listFocusAreas,
  listInitiatives,
  listStrategyTracks,
} from './queries/policy.ts';
import { policyFacts, seedPolicy } from './seed/seed-policy.ts';
import { openTestDatabase, testDatabaseKinds } from './testing/index.ts';

describe.each(testDatabaseKinds())('the policy on %s', (kind) => {
  let handle: DatabaseHandle;
  const facts = policyFacts();

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedPolicy(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('holds the vision, duties and reporting months', async () => {
    const policy = await getPolicy(handle.db);
    expect(policy).toMatchObject({
      municipality: 'Skanderborg Kommune',
      period: { from: 2019, to: 2022 },
      vision: facts.vision,
      leadOwnerDuties: facts.leadOwnerDuties,
      statusReportMonths: [3, 9],
      statusReportAudience: 'Styregruppen',
    });
  });

  it('holds the six strategy tracks in order', async () => {
    const tracks = await listStrategyTracks(handle.db);
    expect(tracks.map((track) => track.slug)).toEqual(facts.strategyTracks.map((track) => track.slug));
    expect(tracks.find((track) => track.slug === 'bolig-og-bosaetning')?.alsoWritten).toBe(
      'Bolig og bosætning',
    );
  });

  it('holds every focus area with every fact of the policy', async () => {
    const summaries = await listFocusAreas(handle.db);
    expect(summaries.map((area) => area.slug)).toEqual(facts.focusAreas.map((area) => area.slug));
    for (const fact of facts.focusAreas) {
      const area = await getFocusAreaBySlug(handle.db, fact.slug);
      expect(area).toMatchObject({
        name: fact.name,
        kind: fact.kind,
        why: fact.why,
        aims: fact.aims,
        lead: { name: fact.lead.unit, reportsTo: fact.lead.reportsTo },
        partners: fact.partners,
      });
      expect(area?.tracks.map((track) => track.slug)).toEqual(fact.tracks);
      expect(area?.initiatives.map((initiative) => initiative.name)).toEqual(fact.initiatives2018);
      expect(area?.initiatives.every((initiative) => initiative.listedYear === 2018)).toBe(true);
    }
  });

  it('keeps one initiative in several focus areas (Bydelsmødre)', async () => {
    const bydelsmoedre = (await listInitiatives(handle.db)).filter(
      (initiative) => initiative.name === 'Bydelsmødre',
    );
    expect(bydelsmoedre).toHaveLength(1);
    expect(bydelsmoedre[0]?.focusAreas.map((area) => area.slug)).toEqual([
      'integrationsforstaaelse-og-kulturforskelle',
      'kvinder',
    ]);
  });

  it('filters initiatives by focus area', async () => {
    const initiatives = await listInitiatives(handle.db, { focusArea: 'unge-maend' });
    expect(initiatives.map((initiative) => initiative.name).sort()).toEqual(
      ['Mulighed for fritidspas op til 25 år', 'SSP tiltag i forhold til at undgå radikalisering'].sort(),
    );
    expect(await listInitiatives(handle.db, { focusArea: 'findes-ikke' })).toEqual([]);
  });

  it('answers undefined for an unknown slug', async () => {
    expect(await getFocusAreaBySlug(handle.db, 'findes-ikke')).toBeUndefined();
  });

  it('seeds again without duplicating anything', async () => {
    const count = async (
      table: 'focus_areas' | 'initiatives' | 'focus_area_initiatives' | 'organisational_units',
    ) => {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return row.n;
    };
    const before = await Promise.all([
      count('focus_areas'),
      count('initiatives'),
      count('focus_area_initiatives'),
      count('organisational_units'),
    ]);
    await seedPolicy(handle.db);
    const after = await Promise.all([
      count('focus_areas'),
      count('initiatives'),
      count('focus_area_initiatives'),
      count('organisational_units'),
    ]);
    expect(after).toEqual(before);
    const distinctInitiatives = new Set(facts.focusAreas.flatMap((area) => area.initiatives2018));
    expect(after[0]).toBe(6);
    expect(after[1]).toBe(distinctInitiatives.size);
  });
});
