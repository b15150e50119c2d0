import { type Database, eventTitlesById, resourceTitlesBySlug } from '@brobygger/db';
import { type Actor, findMentions, readableAudiences } from '@brobygger/domain';
import type { Kysely } from 'kysely';
import type { MentionTargets } from './markdown.ts';

/** The titles of what a text mentions and the reader may see (resources by audience, published events). */
export async function mentionTargets(
  db: Kysely<Database>,
  actor: Actor,
  ...texts: string[]
): Promise<MentionTargets> {
  const mentions = texts.flatMap((text) => findMentions(text));
  const slugs = mentions.filter((m) => m.kind === 'resource').map((m) => m.ref);
  const eventIds = mentions.filter((m) => m.kind === 'event').map((m) => Number(m.ref));
  const [resources, events] = await Promise.all([
    resourceTitlesBySlug(db, slugs, readableAudiences(actor)),
    eventTitlesById(db, eventIds),
  ]);
  return { resources, events };
}
