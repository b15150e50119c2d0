import {
  allPostIds,
  allResourceIds,
  allThreadIds,
  attachmentTexts,
  type Database,
  findPost,
  findResourceById,
  findThread,
} from '@brobygger/db';
import { audienceReaderKeys } from '@brobygger/domain';
import type { SearchDocument } from '@brobygger/search';
import type { Kysely } from 'kysely';
import type { SearchSource } from '../../search/sources.ts';
import { markdownToText } from './markdown.ts';

// Knowledge (issue 11): how the search index reads resources, forum threads and posts. A
// resource's readers follow its audience; a hidden thread or post is not findable at all.

export const resourceSearchSource: SearchSource = {
  async load(db, id): Promise<SearchDocument | null> {
    const resource = await findResourceById(db, Number(id));
    if (!resource) return null;
    const attachments = await attachmentTexts(db, resource.id);
    return {
      type: 'resource',
      id: String(resource.id),
      title: resource.title,
      summary: resource.summary,
      body: [markdownToText(resource.body), ...attachments].join('\n\n'),
      url: `/viden/${resource.slug}`,
      focusAreas: resource.focus_areas.map((area) => area.slug),
      tags: resource.tags,
      readers: audienceReaderKeys(resource.audience),
      updatedAt: new Date(resource.updated_at),
    };
  },
  ids: (db) => allResourceIds(db),
};

async function openingPost(db: Kysely<Database>, threadId: number) {
  return db
    .selectFrom('forum_posts')
    .select(['body', 'hidden_at'])
    .where('thread_id', '=', threadId)
    .where('is_opening', '=', true)
    .executeTakeFirst();
}

export const threadSearchSource: SearchSource = {
  async load(db, id): Promise<SearchDocument | null> {
    const thread = await findThread(db, Number(id));
    if (!thread || thread.hidden_at) return null;
    const opening = await openingPost(db, thread.id);
    const text = opening && !opening.hidden_at ? markdownToText(opening.body) : '';
    return {
      type: 'thread',
      id: String(thread.id),
      title: thread.title,
      summary: text.slice(0, 200),
      body: text,
      url: `/forum/traad/${thread.id}`,
      focusAreas: thread.category_slug ? [thread.category_slug] : [],
      tags: [thread.kind],
      readers: ['public'],
      updatedAt: new Date(thread.updated_at),
    };
  },
  ids: (db) => allThreadIds(db),
};

export const postSearchSource: SearchSource = {
  async load(db, id): Promise<SearchDocument | null> {
    const post = await findPost(db, Number(id));
    if (!post || post.hidden_at || post.thread_hidden_at) return null;
    const text = markdownToText(post.body);
    const area = post.focus_area_id
      ? await db
          .selectFrom('focus_areas')
          .select('slug')
          .where('id', '=', post.focus_area_id)
          .executeTakeFirst()
      : undefined;
    return {
      type: 'post',
      id: String(post.id),
      title: post.thread_title,
      summary: text.slice(0, 200),
      body: text,
      url: `/forum/traad/${post.thread_id}#indlaeg-${post.id}`,
      focusAreas: area ? [area.slug] : [],
      tags: post.accepted_post_id === post.id ? ['accepted-answer'] : [],
      readers: ['public'],
      updatedAt: new Date(post.edited_at ?? post.created_at),
    };
  },
  ids: (db) => allPostIds(db),
};
