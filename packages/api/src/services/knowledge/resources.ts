import {
  decideSuggestion,
  findResourceById,
  findResourceBySlug,
  findResourceRevision,
  focusAreaIdsBySlug,
  insertResource,
  insertResourceRevision,
  insertSuggestion,
  listAttachments,
  listResourceRevisions,
  listResources,
  listResourcesDueForReview,
  listResourceTags,
  listSuggestions,
  lockResource,
  lockSuggestion,
  type ResourceDetailRow,
  type ResourceSummaryRow,
  resourceSlugTaken,
  setResourceFocusAreas,
  setResourceTags,
  updateResourceRow,
} from '@brobygger/db';
import {
  type Actor,
  type CreateResourceInput,
  canReadAudience,
  isStaffActor,
  needsReview,
  type ResourceAudience,
  type ResourceKind,
  type ResourceListQuery,
  readableAudiences,
  resourceListPageSize,
  reviewIntervalDays,
  type SuggestionInput,
  slugify,
  type UpdateResourceInput,
} from '@brobygger/domain';
import { diffArrays, diffWordsWithSpace } from 'diff';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { type TransactionContext, transaction, type UseCaseContext } from '../context.ts';
import { conflict, forbidden, invalidField, notFound } from '../errors.ts';
import { renderKnowledgeMarkdown } from './markdown.ts';
import { mentionTargets } from './mentions.ts';

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

export function resourceSummary(row: ResourceSummaryRow, now = new Date()) {
  return {
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    audience: row.audience,
    revision: row.revision,
    tags: row.tags,
    focusAreas: row.focus_areas,
    lastReviewedAt: iso(row.last_reviewed_at),
    needsReview: needsReview(row.last_reviewed_at ? new Date(row.last_reviewed_at) : null, now),
    updatedAt: iso(row.updated_at) as string,
  };
}

export async function findResourcesFor(ctx: UseCaseContext, actor: Actor, query: ResourceListQuery) {
  const audiences = readableAudiences(actor);
  const { rows, total } = await listResources(ctx.deps.db, {
    audiences,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.focusArea ? { focusArea: query.focusArea } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
    ...(query.q ? { q: query.q } : {}),
    limit: resourceListPageSize,
    offset: (query.page - 1) * resourceListPageSize,
  });
  const now = new Date();
  return {
    resources: rows.map((row) => resourceSummary(row, now)),
    total,
    page: query.page,
    pageSize: resourceListPageSize,
  };
}

export async function readResourceTags(ctx: UseCaseContext, actor: Actor) {
  return listResourceTags(ctx.deps.db, readableAudiences(actor));
}

/** The resource if the actor may read it; otherwise "not found" (its existence is not told). */
async function readable(ctx: UseCaseContext, actor: Actor, slug: string): Promise<ResourceDetailRow> {
  const row = await findResourceBySlug(ctx.deps.db, slug);
  if (!row || !canReadAudience(actor, row.audience)) throw notFound('Ressourcen findes ikke.');
  return row;
}

export async function readResource(ctx: UseCaseContext, actor: Actor, slug: string) {
  const row = await readable(ctx, actor, slug);
  const db = ctx.deps.db;
  const [attachments, source] = await Promise.all([
    listAttachments(db, row.id),
    row.source_post_id
      ? db
          .selectFrom('forum_posts')
          .innerJoin('forum_threads', 'forum_threads.id', 'forum_posts.thread_id')
          .select(['forum_threads.id', 'forum_threads.title'])
          .where('forum_posts.id', '=', row.source_post_id)
          .where('forum_posts.hidden_at', 'is', null)
          .where('forum_threads.hidden_at', 'is', null)
          .executeTakeFirst()
      : undefined,
  ]);
  const mentions = await mentionTargets(db, actor, row.body);
  return {
    ...resourceSummary({ ...row, tags: row.tags, focus_areas: row.focus_areas }),
    body: row.body,
    bodyHtml: renderKnowledgeMarkdown(row.body, mentions),
    url: row.url,
    createdAt: iso(row.created_at) as string,
    attachments: attachments.map((file) => ({
      id: file.id,
      fileName: file.file_name,
      contentType: file.content_type,
      sizeBytes: Number(file.size_bytes),
      url: `/api/attachments/${file.id}`,
    })),
    sourceThread: source ? { id: source.id, title: source.title } : null,
  };
}

async function uniqueSlug(tx: TransactionContext, wanted: string): Promise<string> {
  const base = (wanted || 'ressource').slice(0, 90).replace(/-+$/, '') || 'ressource';
  for (let n = 1; n < 1000; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await resourceSlugTaken(tx.deps.db, slug))) return slug;
  }
  throw conflict('Kunne ikke finde en ledig adresse til ressourcen.');
}

async function focusAreaIds(tx: TransactionContext, slugs: readonly string[]) {
  const ids = await focusAreaIdsBySlug(tx.deps.db, [...slugs]);
  const unknown = slugs.filter((slug) => !ids.has(slug));
  if (unknown.length > 0) throw invalidField('focusAreas', `Ukendt fokusområde: ${unknown.join(', ')}`);
  return slugs.map((slug) => ids.get(slug) as number);
}

interface ResourceContent {
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  url: string | null;
  audience: ResourceAudience;
  tags: string[];
  focusAreas: string[];
}

/** Writes the content to the resource and appends it as revision `number`. */
async function writeRevision(
  tx: TransactionContext,
  resourceId: number,
  number: number,
  content: ResourceContent,
  note: string,
) {
  const db = tx.deps.db;
  const ids = await focusAreaIds(tx, content.focusAreas);
  await updateResourceRow(db, resourceId, {
    kind: content.kind,
    title: content.title,
    summary: content.summary,
    body: content.body,
    url: content.url,
    audience: content.audience,
    revision: number,
  });
  await setResourceTags(db, resourceId, content.tags);
  await setResourceFocusAreas(db, resourceId, ids);
  await insertResourceRevision(db, {
    resource_id: resourceId,
    number,
    kind: content.kind,
    title: content.title,
    summary: content.summary,
    body: content.body,
    url: content.url,
    audience: content.audience,
    tags: [...new Set(content.tags)].sort(),
    focus_areas: [...new Set(content.focusAreas)],
    note,
    author_id: tx.actorId,
  });
  await indexLater(db, 'resource', resourceId);
}

export async function createResource(ctx: UseCaseContext, actor: Actor, input: CreateResourceInput) {
  const slug = await transaction(ctx, async (tx, db) => {
    let slug: string;
    if (input.slug) {
      if (await resourceSlugTaken(db, input.slug)) throw invalidField('slug', 'Adressen er allerede i brug');
      slug = input.slug;
    } else {
      slug = await uniqueSlug(tx, slugify(input.title));
    }
    const id = await insertResource(db, {
      slug,
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      body: input.body,
      url: input.url ?? null,
      audience: input.audience,
      revision: 1,
      created_by: ctx.actorId,
      last_reviewed_at: new Date(),
      last_reviewed_by: ctx.actorId,
      source_post_id: null,
    });
    await writeRevision(tx, id, 1, { ...input, url: input.url ?? null }, input.note || 'Oprettet');
    await audit(tx, { action: 'resource.created', targetType: 'resource', targetId: String(id) });
    return slug;
  });
  return readResource(ctx, actor, slug);
}

/** Staff edit a resource: the whole content becomes the next revision. */
export async function updateResource(
  ctx: UseCaseContext,
  actor: Actor,
  slug: string,
  input: UpdateResourceInput,
) {
  await transaction(ctx, async (tx, db) => {
    const before = await lockResource(db, slug);
    if (!before) throw notFound('Ressourcen findes ikke.');
    if (input.baseRevision !== undefined && input.baseRevision !== before.revision) {
      throw conflict(
        `Ressourcen er ændret af en anden, siden du begyndte (udgave ${before.revision}). Hent den igen og ret ovenpå.`,
      );
    }
    const number = before.revision + 1;
    await writeRevision(tx, before.id, number, { ...input, url: input.url ?? null }, input.note);
    await audit(tx, {
      action: 'resource.updated',
      targetType: 'resource',
      targetId: String(before.id),
      details: { revision: number },
    });
  });
  return readResource(ctx, actor, slug);
}

export async function markResourceReviewed(ctx: UseCaseContext, actor: Actor, slug: string) {
  await transaction(ctx, async (tx, db) => {
    const before = await lockResource(db, slug);
    if (!before) throw notFound('Ressourcen findes ikke.');
    await db
      .updateTable('resources')
      .set({ last_reviewed_at: new Date(), last_reviewed_by: ctx.actorId })
      .where('id', '=', before.id)
      .execute();
    await audit(tx, { action: 'resource.reviewed', targetType: 'resource', targetId: String(before.id) });
  });
  return readResource(ctx, actor, slug);
}

export async function readResourcesDueForReview(ctx: UseCaseContext) {
  const before = new Date(Date.now() - reviewIntervalDays * 24 * 60 * 60 * 1000);
  const rows = await listResourcesDueForReview(ctx.deps.db, before);
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    audience: row.audience,
    lastReviewedAt: iso(row.last_reviewed_at),
    updatedAt: iso(row.updated_at) as string,
  }));
}

// ---- History, diff, restore ----

export async function readResourceHistory(ctx: UseCaseContext, actor: Actor, slug: string) {
  const row = await readable(ctx, actor, slug);
  const revisions = await listResourceRevisions(ctx.deps.db, row.id);
  return {
    resource: { slug: row.slug, title: row.title, revision: row.revision, audience: row.audience },
    revisions: revisions.map((revision) => ({
      number: revision.number,
      title: revision.title,
      note: revision.note,
      authorName: revision.author_id ? (revision.author_name ?? 'slettet bruger') : 'slettet bruger',
      createdAt: iso(revision.created_at) as string,
    })),
  };
}

interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

const textDiff = (before: string, after: string): DiffPart[] =>
  diffWordsWithSpace(before, after).map((part) => ({
    value: part.value,
    added: Boolean(part.added),
    removed: Boolean(part.removed),
  }));

const listDiff = (before: string[], after: string[]): DiffPart[] =>
  diffArrays(before, after).flatMap((part) =>
    part.value.map((value) => ({ value, added: Boolean(part.added), removed: Boolean(part.removed) })),
  );

export async function diffResourceRevisions(
  ctx: UseCaseContext,
  actor: Actor,
  slug: string,
  from: number,
  to: number,
) {
  const row = await readable(ctx, actor, slug);
  const [a, b] = await Promise.all([
    findResourceRevision(ctx.deps.db, row.id, from),
    findResourceRevision(ctx.deps.db, row.id, to),
  ]);
  if (!a) throw invalidField('from', `Udgave ${from} findes ikke`);
  if (!b) throw invalidField('to', `Udgave ${to} findes ikke`);
  // A revision written while the resource had a narrower audience is not shown to whoever
  // could not read it then.
  if (!canReadAudience(actor, a.audience)) throw invalidField('from', `Udgave ${from} findes ikke`);
  if (!canReadAudience(actor, b.audience)) throw invalidField('to', `Udgave ${to} findes ikke`);
  const fields = [
    { field: 'title', parts: textDiff(a.title, b.title) },
    { field: 'kind', parts: textDiff(a.kind, b.kind) },
    { field: 'audience', parts: textDiff(a.audience, b.audience) },
    { field: 'summary', parts: textDiff(a.summary, b.summary) },
    { field: 'url', parts: textDiff(a.url ?? '', b.url ?? '') },
    { field: 'tags', parts: listDiff(a.tags, b.tags) },
    { field: 'focusAreas', parts: listDiff(a.focus_areas, b.focus_areas) },
    { field: 'body', parts: textDiff(a.body, b.body) },
  ];
  return {
    resource: { slug: row.slug, title: row.title },
    from: { number: a.number, createdAt: iso(a.created_at) as string, note: a.note },
    to: { number: b.number, createdAt: iso(b.created_at) as string, note: b.note },
    fields: fields.map(({ field, parts }) => ({
      field,
      changed: parts.some((part) => part.added || part.removed),
      parts,
    })),
  };
}

export async function restoreResourceRevision(
  ctx: UseCaseContext,
  actor: Actor,
  slug: string,
  number: number,
) {
  await transaction(ctx, async (tx, db) => {
    const before = await lockResource(db, slug);
    if (!before) throw notFound('Ressourcen findes ikke.');
    const old = await findResourceRevision(db, before.id, number);
    if (!old) throw invalidField('revision', `Udgave ${number} findes ikke`);
    if (number === before.revision) throw conflict('Det er allerede den gældende udgave.');
    const known = await focusAreaIdsBySlug(db, old.focus_areas);
    const next = before.revision + 1;
    await writeRevision(
      tx,
      before.id,
      next,
      {
        kind: old.kind,
        title: old.title,
        summary: old.summary,
        body: old.body,
        url: old.url,
        audience: old.audience,
        tags: old.tags,
        // A focus area removed since is left out.
        focusAreas: old.focus_areas.filter((slug) => known.has(slug)),
      },
      `Gendannet fra udgave ${number}`,
    );
    await audit(tx, {
      action: 'resource.restored',
      targetType: 'resource',
      targetId: String(before.id),
      details: { from: number, revision: next },
    });
  });
  return readResource(ctx, actor, slug);
}

// ---- Suggestions ----

export async function suggestChange(ctx: UseCaseContext, actor: Actor, slug: string, input: SuggestionInput) {
  return transaction(ctx, async (tx, db) => {
    const row = await findResourceBySlug(db, slug);
    // Someone who cannot see the resource cannot suggest a change to it (and learns nothing).
    if (!row || !canReadAudience(actor, row.audience)) throw notFound('Ressourcen findes ikke.');
    const id = await insertSuggestion(db, {
      resource_id: row.id,
      base_revision: row.revision,
      title: input.title,
      summary: input.summary,
      body: input.body,
      note: input.note,
      author_id: ctx.actorId,
    });
    await audit(tx, {
      action: 'resource.suggested',
      targetType: 'resource',
      targetId: String(row.id),
      details: { suggestion: id },
    });
    return { id, status: 'pending' as const };
  });
}

export async function readSuggestions(ctx: UseCaseContext, filters: { slug?: string; status?: 'pending' }) {
  let resourceId: number | undefined;
  if (filters.slug) {
    const row = await findResourceBySlug(ctx.deps.db, filters.slug);
    if (!row) throw notFound('Ressourcen findes ikke.');
    resourceId = row.id;
  }
  const rows = await listSuggestions(ctx.deps.db, {
    ...(resourceId !== undefined ? { resourceId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  });
  return rows.map((row) => ({
    id: row.id,
    resource: { slug: row.resource_slug, title: row.resource_title },
    baseRevision: row.base_revision,
    title: row.title,
    summary: row.summary,
    body: row.body,
    note: row.note,
    status: row.status,
    decisionNote: row.decision_note,
    decidedAt: iso(row.decided_at),
    createdAt: iso(row.created_at) as string,
    authorName: row.author_id ? (row.author_name ?? 'slettet bruger') : 'slettet bruger',
  }));
}

/** Staff accept (the suggestion becomes the next revision) or reject a pending suggestion. */
export async function decideOnSuggestion(
  ctx: UseCaseContext,
  actor: Actor,
  id: number,
  decision: { decision: 'accept' | 'reject'; note: string },
) {
  if (!isStaffActor(actor)) throw forbidden();
  return transaction(ctx, async (tx, db) => {
    const suggestion = await lockSuggestion(db, id);
    if (!suggestion) throw notFound('Forslaget findes ikke.');
    if (suggestion.status !== 'pending') throw conflict('Forslaget er allerede behandlet.');
    const resource = await findResourceById(db, suggestion.resource_id);
    if (!resource) throw notFound('Ressourcen findes ikke.');
    const locked = await lockResource(db, resource.slug);
    if (!locked) throw notFound('Ressourcen findes ikke.');
    if (decision.decision === 'accept') {
      const next = locked.revision + 1;
      await writeRevision(
        tx,
        locked.id,
        next,
        {
          kind: locked.kind,
          title: suggestion.title,
          summary: suggestion.summary,
          body: suggestion.body,
          url: locked.url,
          audience: locked.audience,
          tags: resource.tags,
          focusAreas: resource.focus_areas.map((area) => area.slug),
        },
        `Forslag godkendt: ${suggestion.note}`.slice(0, 300),
      );
    }
    await decideSuggestion(db, id, {
      status: decision.decision === 'accept' ? 'accepted' : 'rejected',
      decided_by: ctx.actorId,
      decision_note: decision.note,
    });
    await audit(tx, {
      action:
        decision.decision === 'accept' ? 'resource.suggestion-accepted' : 'resource.suggestion-rejected',
      targetType: 'resource',
      targetId: String(locked.id),
      details: { suggestion: id },
    });
    return {
      id,
      status: decision.decision === 'accept' ? ('accepted' as const) : ('rejected' as const),
      slug: locked.slug,
    };
  });
}
