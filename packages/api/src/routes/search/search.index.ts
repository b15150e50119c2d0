import { createRouter } from '../../openapi.ts';
import { searchEverything } from '../../services/search/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import { searchRoute } from './search.routes.ts';

export const searchRouter = createRouter().openapi(searchRoute, async (c) =>
  c.json(await searchEverything(useCaseContext(c), c.get('actor'), c.req.valid('query')), 200),
);
