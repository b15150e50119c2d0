import { copenhagenToUtc } from '@brobygger/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A day `days` from now in Copenhagen ("YYYY-MM-DD"). */
function dayFromNow(days: number, now: Date): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

const demoEvents = [
  {
    type: 'coordination-meeting',
    title: 'Koordineringsmøde for frivillige',
    description:
      'Vi samler frivillige fra foreninger og kommunen for at **koordinere** efterårets aktiviteter.\n\n- Nyt fra Integrationsteamet\n- Erfaringer fra sprogcaféerne\n- Fælles kalender',
    days: 7,
    from: '17:00',
    to: '19:00',
    address: 'Skanderborg Rådhus, Adelgade 44, 8660 Skanderborg',
    capacity: 30,
    languages: ['da'],
    focusAreas: ['viden-og-videndeling'],
    access: { step_free: true, hearing_loop: true },
  },
  {
    type: 'inspiration-meeting',
    title: 'Inspirationsmøde: Sprogcafé i praksis',
    description: 'Hør hvordan tre foreninger driver sprogcaféer, og hvad nye frivillige kan bidrage med.',
    days: 14,
    from: '19:00',
    to: '21:00',
    address: 'Skanderborg Bibliotek, Grønnegade 1, 8660 Skanderborg',
    capacity: 4,
    languages: ['da', 'en'],
    focusAreas: [],
    access: { step_free: true },
  },
  {
    type: 'dialogue-meeting',
    title: 'Dialogmøde med frivillige med flygtningebaggrund',
    description:
      'En samtale om, hvad der virker, når man er ny i Skanderborg. Der er tolk til arabisk og ukrainsk.',
    days: 21,
    from: '16:30',
    to: '18:30',
    address: null,
    onlineUrl: 'https://meet.example.dk/brobygger-dialog',
    capacity: null,
    languages: ['da', 'ar', 'uk'],
    focusAreas: ['kvinder'],
    access: { interpreter: true, childcare: true },
  },
  {
    type: 'activity',
    title: 'Fællesspisning og brætspil',
    description: 'Alle er velkomne. Tag gerne en ret med fra dit hjemland.',
    days: 10,
    from: '17:30',
    to: '20:00',
    address: 'Kulturhuset, Søtorvet 1, 8660 Skanderborg',
    capacity: 40,
    languages: ['da', 'ar', 'uk', 'en'],
    focusAreas: [],
    access: { step_free: true, childcare: true },
  },
] as const;

/**
 * Demo events for the demo accounts (only when DEMO_ACCOUNTS is on): a few published events in
 * the coming weeks. Idempotent: an event is added only when no upcoming event has its title.
 */
export async function seedDemoEvents(db: Kysely<Database>, now = new Date()): Promise<number> {
  const staff = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'medarbejder@brobygger.test')
    .executeTakeFirst();
  let created = 0;
  for (const demo of demoEvents) {
    const exists = await db
      .selectFrom('events')
      .select('id')
      .where('title', '=', demo.title)
      .where('ends_at', '>', now)
      .executeTakeFirst();
    if (exists) continue;
    const type = await db
      .selectFrom('event_types')
      .select('id')
      .where('slug', '=', demo.type)
      .executeTakeFirst();
    if (!type) continue;
    const day = dayFromNow(demo.days, now);
    const startsAt = copenhagenToUtc(`${day}T${demo.from}`) as Date;
    const endsAt = copenhagenToUtc(`${day}T${demo.to}`) as Date;
    await db.transaction().execute(async (trx) => {
      const event = await trx
        .insertInto('events')
        .values({
          type_id: type.id,
          title: demo.title,
          description: demo.description,
          starts_at: startsAt,
          ends_at: endsAt,
          address: demo.address,
          online_url: 'onlineUrl' in demo ? demo.onlineUrl : null,
          capacity: demo.capacity,
          signup_deadline: new Date(startsAt.getTime() - 86_400_000),
          organiser_name: 'Integrationsteamet, Skanderborg Kommune',
          status: 'published',
          published_at: now,
          created_by: staff?.id ?? null,
          ...demo.access,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (demo.languages.length > 0) {
        await trx
          .insertInto('event_languages')
          .values(demo.languages.map((language) => ({ event_id: event.id, language })))
          .execute();
      }
      if (demo.focusAreas.length > 0) {
        const areas = await trx
          .selectFrom('focus_areas')
          .select('id')
          .where('slug', 'in', [...demo.focusAreas])
          .execute();
        if (areas.length > 0) {
          await trx
            .insertInto('event_focus_areas')
            .values(areas.map((area) => ({ event_id: event.id, focus_area_id: area.id })))
            .execute();
        }
      }
    });
    created += 1;
  }
  return created;
}
