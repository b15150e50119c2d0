import {
  focusAreaExists,
  getFocusAreaBySlug,
  getPolicy,
  listFocusAreas,
  listInitiatives,
  listStrategyTracks,
} from '@brobygger/db';
import { notFound } from '../../errors.ts';
import { createRouter } from '../../openapi.ts';
import {
  getFocusAreaRoute,
  getPolicyRoute,
  listFocusAreasRoute,
  listInitiativesRoute,
  listStrategyTracksRoute,
} from './policy.routes.ts';

export const policyRouter = createRouter()
  .openapi(getPolicyRoute, async (c) => {
    const policy = await getPolicy(c.var.deps.db);
    if (!policy) return notFound(c, 'Politikken er ikke indlæst');
    return c.json({ policy }, 200);
  })
  .openapi(listStrategyTracksRoute, async (c) => {
    return c.json({ strategyTracks: await listStrategyTracks(c.var.deps.db) }, 200);
  })
  .openapi(listFocusAreasRoute, async (c) => {
    return c.json({ focusAreas: await listFocusAreas(c.var.deps.db) }, 200);
  })
  .openapi(getFocusAreaRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const focusArea = await getFocusAreaBySlug(c.var.deps.db, slug);
    if (!focusArea) return notFound(c, `Fokusområdet "${slug}" findes ikke`);
    return c.json({ focusArea }, 200);
  })
  .openapi(listInitiativesRoute, async (c) => {
    const { focusArea } = c.req.valid('query');
    if (focusArea !== undefined && !(await focusAreaExists(c.var.deps.db, focusArea))) {
      return notFound(c, `Fokusområdet "${focusArea}" findes ikke`);
    }
    return c.json({ initiatives: await listInitiatives(c.var.deps.db, { focusArea }) }, 200);
  });
