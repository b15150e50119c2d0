import type { FocusArea, FocusAreaSummary, Initiative, StrategyTrack } from '@brobygger/domain';
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../schema.ts';
import { policySlug } from '../seed/seed-policy.ts';

export interface PolicyOverview {
  municipality: string;
  period: { from: number; to: number };
  vision: string;
  leadOwnerDuties: string[];
  statusReportMonths: number[];
  statusReportAudience: string;
}

export async function getPolicy(db: Kysely<Database>): Promise<PolicyOverview | undefined> {
  const row = await db.selectFrom('policies').selectAll().where('slug', '=', policySlug).executeTakeFirst();
  if (!row) return undefined;
  return {
    municipality: row.municipality,
    period: { from: row.period_from, to: row.period_to },
    vision: row.vision,
    leadOwnerDuties: row.lead_owner_duties,
    statusReportMonths: row.status_report_months,
    statusReportAudience: row.status_report_audience,
  };
}

export async function listStrategyTracks(db: Kysely<Database>): Promise<StrategyTrack[]> {
  const rows = await db
    .selectFrom('strategy_tracks')
    .select(['slug', 'name', 'also_written'])
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ slug: row.slug, name: row.name, alsoWritten: row.also_written }));
}

function focusAreaBase(db: Kysely<Database>) {
  return db
    .selectFrom('focus_areas as fa')
    .innerJoin('organisational_units as lead', 'lead.id', 'fa.lead_unit_id')
    .select(['fa.id', 'fa.slug', 'fa.name', 'fa.kind', 'fa.position', 'fa.why', 'fa.aims'])
    .select(['lead.name as lead_name', 'lead.reports_to as lead_reports_to']);
}

export async function listFocusAreas(db: Kysely<Database>): Promise<FocusAreaSummary[]> {
  const rows = await focusAreaBase(db).orderBy('fa.position').execute();
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    position: row.position,
    why: row.why,
    lead: { name: row.lead_name, reportsTo: row.lead_reports_to },
  }));
}

export async function getFocusAreaBySlug(db: Kysely<Database>, slug: string): Promise<FocusArea | undefined> {
  const row = await focusAreaBase(db)
    .where('fa.slug', '=', slug)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('focus_area_tracks as fat')
          .innerJoin('strategy_tracks as st', 'st.id', 'fat.strategy_track_id')
          .whereRef('fat.focus_area_id', '=', 'fa.id')
          .select(['st.slug', 'st.name', 'st.also_written as alsoWritten'])
          .orderBy('fat.position'),
      ).as('tracks'),
      jsonArrayFrom(
        eb
          .selectFrom('focus_area_partners as fap')
          .innerJoin('organisational_units as ou', 'ou.id', 'fap.unit_id')
          .whereRef('fap.focus_area_id', '=', 'fa.id')
          .select('ou.name')
          .orderBy('fap.position'),
      ).as('partners'),
      jsonArrayFrom(
        eb
          .selectFrom('focus_area_initiatives as fai')
          .innerJoin('initiatives as i', 'i.id', 'fai.initiative_id')
          .whereRef('fai.focus_area_id', '=', 'fa.id')
          .select(['i.id', 'i.slug', 'i.name', 'i.listed_year as listedYear'])
          .orderBy('fai.position'),
      ).as('initiatives'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    position: row.position,
    why: row.why,
    aims: row.aims,
    lead: { name: row.lead_name, reportsTo: row.lead_reports_to },
    tracks: row.tracks,
    partners: row.partners.map((partner) => partner.name),
    initiatives: row.initiatives,
  };
}

export interface InitiativeFilter {
  focusArea?: string | undefined;
}

export async function listInitiatives(
  db: Kysely<Database>,
  filter: InitiativeFilter = {},
): Promise<Initiative[]> {
  let query = db
    .selectFrom('initiatives as i')
    .select(['i.id', 'i.slug', 'i.name', 'i.listed_year'])
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
    .orderBy('i.name');
  if (filter.focusArea !== undefined) {
    const slug = filter.focusArea;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('focus_area_initiatives as f')
          .innerJoin('focus_areas as a', 'a.id', 'f.focus_area_id')
          .whereRef('f.initiative_id', '=', 'i.id')
          .where('a.slug', '=', slug)
          .select('f.initiative_id'),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    listedYear: row.listed_year,
    focusAreas: row.focusAreas,
  }));
}

export async function focusAreaExists(db: Kysely<Database>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('focus_areas').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}
