import {
  focusAreaExists,
  getFocusAreaBySlug,
  getPolicy,
  listFocusAreas,
  listInitiatives,
  listStrategyTracks,
} from '@brobygger/db';
import type { UseCaseContext } from '../context.ts';
import { notFound } from '../errors.ts';

// The policy feature's use cases: reading the integration policy, its tracks, focus areas and
// initiatives (public). Writing arrives with the status-report and focus-area features.

export async function readPolicy(ctx: UseCaseContext) {
  const policy = await getPolicy(ctx.deps.db);
  if (!policy) throw notFound('Politikken er ikke indlæst');
  return policy;
}

export const readStrategyTracks = (ctx: UseCaseContext) => listStrategyTracks(ctx.deps.db);

export const readFocusAreas = (ctx: UseCaseContext) => listFocusAreas(ctx.deps.db);

export async function readFocusArea(ctx: UseCaseContext, slug: string) {
  const focusArea = await getFocusAreaBySlug(ctx.deps.db, slug);
  if (!focusArea) throw notFound(`Fokusområdet "${slug}" findes ikke`);
  return focusArea;
}

export async function readInitiatives(ctx: UseCaseContext, filter: { focusArea?: string | undefined }) {
  if (filter.focusArea !== undefined && !(await focusAreaExists(ctx.deps.db, filter.focusArea))) {
    throw notFound(`Fokusområdet "${filter.focusArea}" findes ikke`);
  }
  return listInitiatives(ctx.deps.db, filter);
}
