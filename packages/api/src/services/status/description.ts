import { insertDescriptionRevision, listDescriptionRevisions, lockFocusArea } from '@brobygger/db';
import type { Actor, Description } from '@brobygger/domain';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { ensure, iso, publicDataChanged, requireFocusArea } from './shared.ts';

/** Every revision of an area's task-and-goal description, newest first. */
export async function readDescriptionHistory(ctx: UseCaseContext, actor: Actor, slug: string) {
  const area = await requireFocusArea(ctx, slug);
  ensure(actor, 'status:read-area', area.slug);
  const revisions = await listDescriptionRevisions(ctx.deps.db, area.id);
  return revisions.map((revision) => ({
    revision: revision.revision,
    content: revision.content as Description,
    authorName: revision.authorName,
    createdAt: iso(revision.createdAt) as string,
  }));
}

/** Saves the description as a new revision (the history keeps every one). */
export async function reviseDescription(
  ctx: UseCaseContext,
  actor: Actor,
  slug: string,
  content: Description,
) {
  const area = await requireFocusArea(ctx, slug);
  ensure(actor, 'status:edit', area.slug, 'Kun fokusområdets tovholder kan ændre beskrivelsen.');
  const revision = await transaction(ctx, async (tx, db) => {
    await lockFocusArea(db, area.id);
    const revision = await insertDescriptionRevision(db, {
      focusAreaId: area.id,
      content,
      authorId: ctx.actorId,
    });
    await audit(tx, {
      action: 'focus-area.description-revised',
      targetType: 'focus_area',
      targetId: area.slug,
      details: { revision },
    });
    return revision;
  });
  publicDataChanged(ctx);
  return { revision };
}
