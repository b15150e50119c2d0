import { fileResponse, isBrowserForm, uploadInputOf } from '../../files/http.ts';
import { createRouter } from '../../openapi.ts';
import {
  addAttachment,
  createResource,
  decideOnSuggestion,
  diffResourceRevisions,
  findResourcesFor,
  markResourceReviewed,
  openAttachment,
  readResource,
  readResourceHistory,
  readResourcesDueForReview,
  readResourceTags,
  readSuggestions,
  removeAttachment,
  restoreResourceRevision,
  suggestChange,
  updateResource,
  uploadRedirectTarget,
} from '../../services/knowledge/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  createResourceRoute,
  decideSuggestionRoute,
  deleteAttachmentRoute,
  downloadAttachmentRoute,
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
  uploadAttachmentRoute,
} from './resources.routes.ts';

export const resourcesRouter = createRouter()
  .openapi(listResourcesRoute, async (c) =>
    c.json(await findResourcesFor(useCaseContext(c), c.get('actor'), c.req.valid('query')), 200),
  )
  .openapi(listResourceTagsRoute, async (c) =>
    c.json({ tags: await readResourceTags(useCaseContext(c), c.get('actor')) }, 200),
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
      await decideOnSuggestion(
        useCaseContext(c),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  )
  .openapi(getResourceRoute, async (c) =>
    c.json(
      { resource: await readResource(useCaseContext(c), c.get('actor'), c.req.valid('param').slug) },
      200,
    ),
  )
  .openapi(createResourceRoute, async (c) =>
    c.json({ resource: await createResource(useCaseContext(c), c.get('actor'), c.req.valid('json')) }, 201),
  )
  .openapi(updateResourceRoute, async (c) =>
    c.json(
      {
        resource: await updateResource(
          useCaseContext(c),
          c.get('actor'),
          c.req.valid('param').slug,
          c.req.valid('json'),
        ),
      },
      200,
    ),
  )
  .openapi(reviewResourceRoute, async (c) =>
    c.json(
      { resource: await markResourceReviewed(useCaseContext(c), c.get('actor'), c.req.valid('param').slug) },
      200,
    ),
  )
  .openapi(resourceHistoryRoute, async (c) =>
    c.json(await readResourceHistory(useCaseContext(c), c.get('actor'), c.req.valid('param').slug), 200),
  )
  .openapi(resourceDiffRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(
      await diffResourceRevisions(useCaseContext(c), c.get('actor'), c.req.valid('param').slug, from, to),
      200,
    );
  })
  .openapi(restoreRevisionRoute, async (c) => {
    const { slug, number } = c.req.valid('param');
    return c.json(
      { resource: await restoreResourceRevision(useCaseContext(c), c.get('actor'), slug, number) },
      200,
    );
  })
  .openapi(uploadAttachmentRoute, async (c) => {
    const slug = c.req.valid('param').slug;
    const browserForm = isBrowserForm(c);
    try {
      const { attachment, fields } = await addAttachment(useCaseContext(c), slug, uploadInputOf(c));
      if (browserForm) return c.redirect(`${uploadRedirectTarget(fields, slug)}?vedhaeftning=ok`, 303);
      return c.json({ attachment }, 201);
    } catch (error) {
      // A browser form gets the page back with the message; the body is not read further.
      const status = (error as { status?: number }).status;
      if (browserForm && status !== undefined && status >= 400 && status < 500 && status !== 404) {
        const message = encodeURIComponent((error as Error).message);
        return c.redirect(`/viden/${slug}/rediger?vedhaeftning-fejl=${message}`, 303);
      }
      throw error;
    }
  })
  .openapi(deleteAttachmentRoute, async (c) => {
    await removeAttachment(useCaseContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(downloadAttachmentRoute, async (c) => {
    const file = await openAttachment(useCaseContext(c), c.get('actor'), c.req.valid('param').id);
    return fileResponse(c, file);
  })
  .openapi(suggestChangeRoute, async (c) =>
    c.json(
      await suggestChange(useCaseContext(c), c.get('actor'), c.req.valid('param').slug, c.req.valid('json')),
      201,
    ),
  );
