import { type PolicyFacts, policyFactsSchema, slugify } from '@brobygger/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import facts from './policy.json' with { type: 'json' };

export const policySlug = 'integrationspolitik-2019-2022';

/** The year the policy's example initiatives were listed ("Eksisterende indsatser 2018"). */
const initiativesListedYear = 2018;

export function policyFacts(): PolicyFacts {
  return policyFactsSchema.parse(facts);
}

export interface SeedOutcome {
  focusAreas: number;
  initiatives: number;
  strategyTracks: number;
}

/**
 * Loads every fact of the policy. Idempotent: rows are matched by slug or name and updated in
 * place, so a second run (every `pnpm start`) neither duplicates nor loses anything.
 */
export async function seedPolicy(
  db: Kysely<Database>,
  policy: PolicyFacts = policyFacts(),
): Promise<SeedOutcome> {
  return db.transaction().execute(async (trx) => {
    const { id: policyId } = await trx
      .insertInto('policies')
      .values({
        slug: policySlug,
        municipality: policy.municipality,
        period_from: policy.period.from,
        period_to: policy.period.to,
        vision: policy.vision,
        lead_owner_duties: policy.leadOwnerDuties,
        status_report_months: policy.statusReportMonths,
        status_report_audience: policy.statusReportAudience,
      })
      .onConflict((oc) =>
        oc.column('slug').doUpdateSet((eb) => ({
          municipality: eb.ref('excluded.municipality'),
          period_from: eb.ref('excluded.period_from'),
          period_to: eb.ref('excluded.period_to'),
          vision: eb.ref('excluded.vision'),
          lead_owner_duties: eb.ref('excluded.lead_owner_duties'),
          status_report_months: eb.ref('excluded.status_report_months'),
          status_report_audience: eb.ref('excluded.status_report_audience'),
          updated_at: sql<Date>`now()`,
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();

    const trackIds = new Map<string, number>();
    for (const [position, track] of policy.strategyTracks.entries()) {
      const { id } = await trx
        .insertInto('strategy_tracks')
        .values({ slug: track.slug, name: track.name, also_written: track.alsoWritten ?? null, position })
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            also_written: eb.ref('excluded.also_written'),
            position: eb.ref('excluded.position'),
          })),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      trackIds.set(track.slug, id);
    }

    const unitId = async (name: string, reportsTo: string | null): Promise<number> => {
      const { id } = await trx
        .insertInto('organisational_units')
        .values({ name, reports_to: reportsTo })
        .onConflict((oc) =>
          oc
            .column('name')
            // A unit named as a partner elsewhere keeps what it reports to.
            .doUpdateSet((eb) => ({
              reports_to: eb.fn.coalesce('excluded.reports_to', 'organisational_units.reports_to'),
            })),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    };

    const initiativeSlugs = new Set<string>();
    for (const [position, area] of policy.focusAreas.entries()) {
      const leadUnitId = await unitId(area.lead.unit, area.lead.reportsTo);
      const { id: focusAreaId } = await trx
        .insertInto('focus_areas')
        .values({
          policy_id: policyId,
          slug: area.slug,
          name: area.name,
          kind: area.kind,
          why: area.why,
          aims: area.aims,
          position,
          lead_unit_id: leadUnitId,
        })
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet((eb) => ({
            policy_id: eb.ref('excluded.policy_id'),
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            why: eb.ref('excluded.why'),
            aims: eb.ref('excluded.aims'),
            position: eb.ref('excluded.position'),
            lead_unit_id: eb.ref('excluded.lead_unit_id'),
            updated_at: sql<Date>`now()`,
          })),
        )
        .returning('id')
        .executeTakeFirstOrThrow();

      for (const [trackPosition, slug] of area.tracks.entries()) {
        const trackId = trackIds.get(slug);
        if (trackId === undefined)
          throw new Error(`Focus area ${area.slug} names unknown strategy track ${slug}`);
        await trx
          .insertInto('focus_area_tracks')
          .values({ focus_area_id: focusAreaId, strategy_track_id: trackId, position: trackPosition })
          .onConflict((oc) =>
            oc.columns(['focus_area_id', 'strategy_track_id']).doUpdateSet({ position: trackPosition }),
          )
          .execute();
      }

      for (const [partnerPosition, partner] of area.partners.entries()) {
        const partnerId = await unitId(partner, null);
        await trx
          .insertInto('focus_area_partners')
          .values({ focus_area_id: focusAreaId, unit_id: partnerId, position: partnerPosition })
          .onConflict((oc) =>
            oc.columns(['focus_area_id', 'unit_id']).doUpdateSet({ position: partnerPosition }),
          )
          .execute();
      }

      for (const [initiativePosition, name] of area.initiatives2018.entries()) {
        const slug = slugify(name);
        initiativeSlugs.add(slug);
        const { id: initiativeId } = await trx
          .insertInto('initiatives')
          .values({ slug, name, listed_year: initiativesListedYear })
          .onConflict((oc) => oc.column('slug').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('focus_area_initiatives')
          .values({ focus_area_id: focusAreaId, initiative_id: initiativeId, position: initiativePosition })
          .onConflict((oc) =>
            oc.columns(['focus_area_id', 'initiative_id']).doUpdateSet({ position: initiativePosition }),
          )
          .execute();
      }
    }

    return {
      focusAreas: policy.focusAreas.length,
      initiatives: initiativeSlugs.size,
      strategyTracks: policy.strategyTracks.length,
    };
  });
}
