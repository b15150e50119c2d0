import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
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
    const browserForm = (c.req.header('accept') ?? '').includes('text/html');
    try {
      // Under @hono/node-server the Node request itself is read: its web-stream wrapper buffers
      // ahead without bound when the disk is slower than the network (docs/benchmarks.md).
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      const { attachment, fields } = await addAttachment(useCaseContext(c), slug, {
        body: incoming && !c.req.raw.bodyUsed ? incoming : c.req.raw.body,
        contentType: c.req.header('content-type'),
        contentLength: c.req.header('content-length'),
      });
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
    const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    const disposition = `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
    return c.body(Readable.toWeb(file.stream) as ReadableStream, 200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': disposition,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.isPublic ? 'public, max-age=300' : 'private, no-store',
      // Opened directly, nothing in the file may run or load anything.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
  })
  .openapi(suggestChangeRoute, async (c) =>
    c.json(
      await suggestChange(useCaseContext(c), c.get('actor'), c.req.valid('param').slug, c.req.valid('json')),
      201,
    ),
  );
