/**
 * The search contract shared by every feature and every engine (issue 12).
 *
 * A feature makes its content findable by
 *  1. registering a source for its document type in `packages/api/src/search/sources.ts`
 *     (load one document by id, list all ids for a rebuild), and
 *  2. calling `indexLater(tx, type, id)` (`packages/api/src/search/index-later.ts`) inside the
 *     transaction of every create, edit, hide and delete, so the index job commits with the change.
 * The job loads the document again and writes it to (or, when the source answers null, removes it
 * from) the index: the job is idempotent, and a crash between commit and indexing loses nothing.
 */

export const searchDocumentTypes = [
  'focus_area',
  'initiative',
  'event',
  'association',
  'resource',
  'thread',
  'post',
] as const;
export type SearchDocumentType = (typeof searchDocumentTypes)[number];

/**
 * Who may find a document. A reader finds a document when they hold at least one of its reader
 * keys (see `readerKeys`), so what a user may not see never reaches them, not even as a count.
 *  - `public`             everyone, signed in or not
 *  - `signed_in`          anyone signed in
 *  - `role:<role>`        holders of the role (`role:staff`, `role:volunteer`, …); admins hold every role key
 *  - `association:<id>`   members and admins of the association
 * There is no key for one user: everyone with the same roles and associations finds the same, so
 * the API and the portal keep one answer for all of them (packages/api `searchAudienceOf`). A
 * source that needs one (a draft only its author may find) adds `user:<id>` to `readerKeys` here,
 * and those caches then key on the user by themselves.
 */
export type ReaderKey = string;

export interface SearchDocument {
  type: SearchDocumentType;
  /** The id within its type, as a string (`type:id` is unique). */
  id: string;
  title: string;
  /** One or two sentences; shown when the query matches no snippet of the body. */
  summary: string;
  /** The plain text to search (Markdown stripped, attachment text appended). */
  body: string;
  /** The portal path of the document, e.g. `/viden/tolkning`. */
  url: string;
  /** Focus-area slugs, for the focus-area facet and filter. */
  focusAreas: string[];
  tags: string[];
  readers: ReaderKey[];
  updatedAt: Date;
}

export interface SearchViewer {
  userId?: string | null;
  roles?: readonly string[];
  associationIds?: readonly number[];
}

/** The reader keys a viewer holds (anonymous: only `public`). */
export function readerKeys(viewer: SearchViewer | null | undefined): ReaderKey[] {
  const keys: ReaderKey[] = ['public'];
  if (!viewer?.userId) return keys;
  keys.push('signed_in');
  const roles = new Set(viewer.roles ?? []);
  if (roles.has('admin')) {
    for (const role of [
      'volunteer',
      'association_member',
      'association_admin',
      'staff',
      'lead_owner',
      'steering_group',
      'admin',
    ]) {
      roles.add(role);
    }
  }
  for (const role of roles) keys.push(`role:${role}`);
  for (const id of viewer.associationIds ?? []) keys.push(`association:${id}`);
  return keys;
}
