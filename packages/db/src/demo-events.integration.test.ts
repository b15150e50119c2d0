import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './open-database.ts';
import { listEvents } from './queries/events.ts';
import { seedDemoEvents } from './seed/demo-events.ts';
import { seedPolicy } from './seed/seed-policy.ts';
import { openTestDatabase, testDatabaseKinds } from './testing/index.ts';

describe.each(testDatabaseKinds())('the demo events on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedPolicy(handle.db);
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('adds four published upcoming events once, with their languages and focus areas', async () => {
    expect(await seedDemoEvents(handle.db)).toBe(4);
    expect(await seedDemoEvents(handle.db)).toBe(0);
    const { rows, total } = await listEvents(handle.db, { endsAfter: new Date(), limit: 20, offset: 0 });
    expect(total).toBe(4);
    expect(rows.every((row) => row.status === 'published')).toBe(true);
    const dialogue = rows.find((row) => row.type_slug === 'dialogue-meeting');
    expect(dialogue?.languages).toEqual(['ar', 'da', 'uk']);
    expect(dialogue?.focus_areas.map((area) => area.slug)).toEqual(['kvinder']);
    expect(dialogue?.address).toBeNull();
  });
});
