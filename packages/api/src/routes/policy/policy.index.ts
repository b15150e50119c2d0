import { createRouter } from '../../openapi.ts';
import {
  readFocusArea,
  readFocusAreas,
  readInitiatives,
  readPolicy,
  readStrategyTracks,
} from '../../services/policy/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  getFocusAreaRoute,
  getPolicyRoute,
  listFocusAreasRoute,
  listInitiativesRoute,
  listStrategyTracksRoute,
} from './policy.routes.ts';

export const policyRouter = createRouter()
  .openapi(getPolicyRoute, async (c) => {
    return c.json({ policy: await readPolicy(useCaseContext(c)) }, 200);
  })
  .openapi(listStrategyTracksRoute, async (c) => {
    return c.json({ strategyTracks: await readStrategyTracks(useCaseContext(c)) }, 200);
  })
  .openapi(listFocusAreasRoute, async (c) => {
    return c.json({ focusAreas: await readFocusAreas(useCaseContext(c)) }, 200);
  })
  .openapi(getFocusAreaRoute, async (c) => {
    return c.json({ focusArea: await readFocusArea(useCaseContext(c), c.req.valid('param').slug) }, 200);
  })
  .openapi(listInitiativesRoute, async (c) => {
    return c.json({ initiatives: await readInitiatives(useCaseContext(c), c.req.valid('query')) }, 200);
  });
