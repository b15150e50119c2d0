import type { z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { requestTargetOf } from '../../middleware/event-list-cache.ts';
import { createRouter } from '../../openapi.ts';
import { searchAnswerFor } from '../../services/search/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import { type searchResultSchema, searchRoute } from './search.routes.ts';

export const searchRouter = createRouter().openapi(searchRoute, async (c) => {
  const target = requestTargetOf(c.req.url);
  const answer = await searchAnswerFor(useCaseContext(c), c.get('actor'), c.req.valid('query'), target);
  // The JSON as kept (made once a second per audience and query); the audience names whom it is for.
  return c.body(answer.body, 200, {
    'Content-Type': 'application/json',
    'X-Search-Audience': answer.audience,
  }) as unknown as TypedResponse<z.infer<typeof searchResultSchema>, 200, 'json'>;
});
