import { createRouter } from '../../openapi.ts';
import {
  createResource,
  decideOnSuggestion,
  diffResourceRevisions,
  findResourcesFor,
  markResourceReviewed,
  readResource,
  readResourceHistory,
  readResourcesDueForReview,
  readResourceTags,
  readSuggestions,
  restoreResourceRevision,
  suggestChange,
  updateResource,
} from '../../services/knowledge/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  createResourceRoute,
  decideSuggestionRoute,
  getResourceRoute,
  listResourcesRoute,
  listResourceTagsRoute,
  listSuggestionsRoute,
  resourceDiffRoute,
  resourceHistoryRoute,
  resourcesDueForReviewRoute,
  restoreRevisionRoute,
  reviewResourceRoute,
  suggestChangeRoute,
  updateResourceRoute,
} from './resources.routes.ts';

export const resourcesRouter = createRouter()
  .openapi(listResourcesRoute, async (c) =>
    c.json(await findResourcesFor(useCaseContext(c), c.var.actor, c.req.valid('query')), 200),
  )
  .openapi(listResourceTagsRoute, async (c) =>
    c.json({ tags: await readResourceTags(useCaseContext(c), c.var.actor) }, 200),
  )
  .openapi(resourcesDueForReviewRoute, async (c) =>
    c.json({ resources: await readResourcesDueForReview(useCaseContext(c)) }, 200),
  )
  .openapi(listSuggestionsRoute, async (c) => {
    const { resource, status } = c.req.valid('query');
    const suggestions = await readSuggestions(useCaseContext(c), {
      ...(resource ? { slug: resource } : {}),
      ...(status === 'pending' ? { status } : {}),
    });
    return c.json({ suggestions }, 200);
  })
  .openapi(decideSuggestionRoute, async (c) =>
    c.json(
      await decideOnSuggestion(useCaseContext(c), c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(getResourceRoute, async (c) =>
    c.json({ resource: await readResource(useCaseContext(c), c.var.actor, c.req.valid('param').slug) }, 200),
  )
  .openapi(createResourceRoute, async (c) =>
    c.json({ resource: await createResource(useCaseContext(c), c.var.actor, c.req.valid('json')) }, 201),
  )
  .openapi(updateResourceRoute, async (c) =>
    c.json(
      {
        resource: await updateResource(
          useCaseContext(c),
          c.var.actor,
          c.req.valid('param').slug,
          c.req.valid('json'),
        ),
      },
      200,
    ),
  )
  .openapi(reviewResourceRoute, async (c) =>
    c.json(
      { resource: await markResourceReviewed(useCaseContext(c), c.var.actor, c.req.valid('param').slug) },
      200,
    ),
  )
  .openapi(resourceHistoryRoute, async (c) =>
    c.json(await readResourceHistory(useCaseContext(c), c.var.actor, c.req.valid('param').slug), 200),
  )
  .openapi(resourceDiffRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(
      await diffResourceRevisions(useCaseContext(c), c.var.actor, c.req.valid('param').slug, from, to),
      200,
    );
  })
  .openapi(restoreRevisionRoute, async (c) => {
    const { slug, number } = c.req.valid('param');
    return c.json(
      { resource: await restoreResourceRevision(useCaseContext(c), c.var.actor, slug, number) },
      200,
    );
  })
  .openapi(suggestChangeRoute, async (c) =>
    c.json(
      await suggestChange(useCaseContext(c), c.var.actor, c.req.valid('param').slug, c.req.valid('json')),
      201,
    ),
  );
