import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// Associations and volunteers (issue 10): the demo volunteer's profile, so staff have someone to
// find (Tigrinya, Arabic) on a fresh demo. Only when the demo account exists and has no profile.
export async function seedDemoVolunteers(db: Kysely<Database>): Promise<number> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'frivillig@brobygger.test')
    .executeTakeFirst();
  if (!user) return 0;
  const existing = await db
    .selectFrom('volunteer_profiles')
    .select('user_id')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (existing) return 0;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('volunteer_profiles')
      .values({
        user_id: user.id,
        skills: ['interpreting', 'homework-help'],
        skills_other: 'Kan køre bil',
        availability: ['tue-evening', 'thu-evening', 'sat-morning'],
        presentation: 'Jeg kom til Skanderborg fra Eritrea i 2015 og hjælper gerne nye familier i gang.',
        consent_at: new Date(),
      })
      .execute();
    await trx
      .insertInto('volunteer_languages')
      .values([
        { user_id: user.id, language: 'ti', level: 3 },
        { user_id: user.id, language: 'ar', level: 1 },
        { user_id: user.id, language: 'da', level: 2 },
      ])
      .execute();
    const area = await trx
      .selectFrom('focus_areas')
      .select('id')
      .where('slug', '=', 'viden-og-videndeling')
      .executeTakeFirst();
    if (area)
      await trx
        .insertInto('volunteer_interests')
        .values({ user_id: user.id, focus_area_id: area.id })
        .execute();
  });
  return 1;
}
