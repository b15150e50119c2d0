// Search (issue 12): what the search sources of focus areas, initiatives and events read.
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../schema.ts';

export async function findFocusAreaForSearch(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('focus_areas as fa')
    .innerJoin('organisational_units as u', 'u.id', 'fa.lead_unit_id')
    .innerJoin('policies as p', 'p.id', 'fa.policy_id')
    .select([
      'fa.id',
      'fa.slug',
      'fa.name',
      'fa.kind',
      'fa.why',
      'fa.aims',
      'fa.updated_at',
      'u.name as lead_unit',
    ])
    .select(['p.vision', 'p.municipality'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('focus_area_tracks as t')
          .innerJoin('strategy_tracks as s', 's.id', 't.strategy_track_id')
          .whereRef('t.focus_area_id', '=', 'fa.id')
          .select(['s.name', 's.also_written'])
          .orderBy('t.position'),
      ).as('tracks'),
      jsonArrayFrom(
        eb
          .selectFrom('focus_area_partners as fp')
          .innerJoin('organisational_units as pu', 'pu.id', 'fp.unit_id')
          .whereRef('fp.focus_area_id', '=', 'fa.id')
          .select(['pu.name'])
          .orderBy('fp.position'),
      ).as('partners'),
      jsonArrayFrom(
        eb
          .selectFrom('focus_area_initiatives as fi')
          .innerJoin('initiatives as i', 'i.id', 'fi.initiative_id')
          .whereRef('fi.focus_area_id', '=', 'fa.id')
          .select(['i.name'])
          .orderBy('fi.position'),
      ).as('initiatives'),
    ])
    .where('fa.slug', '=', slug)
    .executeTakeFirst();
}

export async function listFocusAreaSlugs(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('focus_areas').select('slug').orderBy('position').execute();
  return rows.map((row) => row.slug);
}

export async function findInitiativeForSearch(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('initiatives as i')
    .select([
      'i.id',
      'i.slug',
      'i.name',
      'i.description',
      'i.status',
      'i.responsible_unit',
      'i.partners',
      'i.listed_year',
      'i.updated_at',
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('focus_area_initiatives as fai')
          .innerJoin('focus_areas as fa', 'fa.id', 'fai.focus_area_id')
          .whereRef('fai.initiative_id', '=', 'i.id')
          .select(['fa.slug', 'fa.name'])
          .orderBy('fa.position'),
      ).as('focusAreas'),
    )
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function listInitiativeIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('initiatives').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** A published event (drafts and cancelled events are not findable). */
export async function findPublishedEventForSearch(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('events as e')
    .innerJoin('event_types as t', 't.id', 'e.type_id')
    .select([
      'e.id',
      'e.title',
      'e.description',
      'e.starts_at',
      'e.address',
      'e.organiser_name',
      'e.updated_at',
      't.slug as type_slug',
      't.name_da as type_name',
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('event_focus_areas as efa')
          .innerJoin('focus_areas as fa', 'fa.id', 'efa.focus_area_id')
          .whereRef('efa.event_id', '=', 'e.id')
          .select(['fa.slug', 'fa.name']),
      ).as('focusAreas'),
    )
    .where('e.id', '=', id)
    .where('e.status', '=', 'published')
    .executeTakeFirst();
}

export async function listPublishedEventIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}
