import { entityTag, searchAudienceOf } from '@brobygger/api';
import type { Action } from '@brobygger/domain';
import { type ContentEncoding, compressWhole } from './compression';

/**
 * Rendered pages of public data, kept in memory so that a page read by many is rendered once per
 * change of the data (ADR 0013). Rendering a page costs milliseconds of CPU (React, Remix's
 * matching, the in-process API calls); answering from here costs what a static file does.
 *
 * What is kept, and for whom:
 * - A page is kept only when its render, as an anonymous visitor would see it, answered 200, set no
 *   cookie, used no CSP nonce (it ships no script), and called no API but the public reads (the
 *   policy, ADR 0011; the event list, kept a second) and `/api/me`. Its key is the path with its query and the page language.
 * - Every entry belongs to one value of the public-data change counter; a write anywhere bumps
 *   it, and the counter is read at most once a second (the public read cache's bound). An entry
 *   also expires after `ttlMs`, which bounds anything a page shows that depends on the clock, and
 *   a page made from a short-lived public read (the event list) after that read's bound (1 s).
 * - Signed-in visitors differ from anonymous ones only in the header's account menu (their name,
 *   the admin link), unless a route's loader asked for the user: then the page is not shared with
 *   them. For the others the account menu is cut out and replaced by theirs, taken from a full
 *   render of a page for someone with the same header view (`headerUserView()`: the name and the
 *   role flags the menu shows) and language — the fragment's key is exactly what it shows, so one
 *   user's fragment can never show another's data.
 * - A shared page (`storeShared`) is the same for everyone one permission allows: kept from a
 *   render for one of them whose loaders only gated on the visitor and whose reads were public and
 *   shared reads of that one action; answered only to visitors `can()` allows, each with their own
 *   menu as that page shows it.
 * - A search page (`storeForSearchAudience`) is the same for everyone with one search audience
 *   (the API names it on every search answer: those who may find the same things): kept a second
 *   under a key that holds the audience, from a render for one of them whose searches were all
 *   answered for that audience, whose loaders never asked who the visitor is and whose other reads
 *   were public; answered with each visitor's own menu. An anonymous page made with a search is
 *   never shared with signed-in visitors.
 */
export interface PageCacheOptions {
  /** The public-data change counter (`bootApi().publicDataGeneration`). */
  generation: () => Promise<number>;
  /**
   * A counter this process moves whenever it changes a short-lived public read (the event list:
   * `bootApi().eventListVersion`), so its own changes show at once rather than within a second.
   */
  localVersion?: () => number;
  /** How long an entry is trusted at most, whatever the counter says. Default 60 s. */
  ttlMs?: number;
  /** Most pages kept (distinct paths, queries and languages); the oldest goes first. Default 500. */
  maxEntries?: number;
  /** Most account menus kept. Default 1000. */
  maxFragments?: number;
  now?: () => number;
}

/** A page as an anonymous visitor sees it, split around the account menu. */
export interface CachedPage {
  kind: 'page';
  /** The public-data counter and the local version the page was rendered under. */
  generation: string;
  storedAt: number;
  /** Kept at most this long (the shorter of `ttlMs` and what the render's reads allow). */
  maxAgeMs: number;
  headers: [string, string][];
  etag: string;
  /** Everything before the account menu (the whole page when it has none). */
  before: string;
  /** The anonymous visitor's account menu; empty when the page has none. */
  menu: string;
  after: string;
  /** Whether a signed-in visitor sees the same page but for the account menu. */
  sharedWithSignedIn: boolean;
  /**
   * A page kept for everyone this action permits (a shared page, rendered for one of them); the
   * visitor's permission is checked on every answer. Undefined: a public page.
   */
  sharedBy?: Action;
}

/** A key whose page cannot be kept: rendered every time until the data or the clock moves on. */
export interface UncacheablePage {
  kind: 'uncacheable';
  generation: string;
  storedAt: number;
  maxAgeMs: number;
  /** The render failed (5xx): answered as it is, never kept. */
  failed?: boolean;
}

export type PageCacheEntry = CachedPage | UncacheablePage;

/** What a render for the cache produced, and what it did on the way. */
export interface RenderedForCache {
  response: Response;
  body: string;
  /** Every API call was a public read or `/api/me`, and nothing was changed. */
  onlyPublicReads: boolean;
  /**
   * How long the page may be kept at most because of what it read: a short-lived public read
   * (the event list, kept a second by the API) makes the page short-lived too. Infinity: only
   * the public-data counter and `ttlMs` bound it.
   */
  maxAgeMs?: number;
  /** A route's loader asked who is signed in. */
  askedForUser: boolean;
  /**
   * The one action whose shared reads (`sharedReadAction()`) the render made, all answered 200;
   * null when it made shared reads of several actions or one was refused. Undefined: none made.
   */
  sharedBy?: Action | null;
  /**
   * The audience the render's searches were answered for (`X-Search-Audience`), when they all
   * named the same one; null when they named several, or one failed. Undefined: no search made.
   */
  searchAudience?: string | null;
  nonce: string;
}

const utf8 = new TextEncoder();

/** One page's bytes: as UTF-8, and compressed in each encoding once some visitor asked for it. */
interface Bodies {
  identity: Uint8Array<ArrayBuffer>;
  br?: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

function encodedBody(bodies: Bodies, encoding: ContentEncoding | null): Uint8Array<ArrayBuffer> {
  if (!encoding) return bodies.identity;
  let bytes = bodies[encoding];
  if (!bytes) {
    const compressed = compressWhole(bodies.identity, encoding);
    bytes = new Uint8Array(compressed.buffer as ArrayBuffer, compressed.byteOffset, compressed.byteLength);
    bodies[encoding] = bytes;
  }
  return bytes;
}

/** Most spliced pages whose bytes are kept, over all entries (see `splicedBodyOf`). */
const maxSplicedBodies = 256;
/** Most menus whose spliced bytes one entry keeps. */
const maxSplicedBodiesPerEntry = 4;

const accountMenuStart = '<nav class="account-menu"';
const navEnd = '</nav>';

/** Splits a page around its account menu (the header's `<nav class="account-menu">…</nav>`). */
export function splitAtAccountMenu(
  html: string,
): { before: string; menu: string; after: string } | undefined {
  const start = html.indexOf(accountMenuStart);
  if (start === -1 || html.indexOf(accountMenuStart, start + 1) !== -1) return undefined;
  const end = html.indexOf(navEnd, start);
  if (end === -1) return undefined;
  const stop = end + navEnd.length;
  return { before: html.slice(0, start), menu: html.slice(start, stop), after: html.slice(stop) };
}

export class PageCache {
  readonly ttlMs: number;
  private readonly generationOf: () => Promise<number>;
  private readonly localVersion: () => number;
  private readonly maxEntries: number;
  private readonly maxFragments: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, PageCacheEntry>();
  private readonly fragments = new Map<string, string>();
  private readonly rendering = new Map<string, Promise<PageCacheEntry | undefined>>();
  private readonly anonymousBodies = new WeakMap<CachedPage, Bodies>();
  private splicedBodies = new WeakMap<CachedPage, Map<string, Bodies>>();
  private splicedCount = 0;

  constructor(options: PageCacheOptions) {
    this.generationOf = options.generation;
    this.localVersion = options.localVersion ?? (() => 0);
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 500;
    this.maxFragments = options.maxFragments ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** The current entry for `key` (if any) and the counter it was checked against. */
  async lookup(key: string): Promise<{ generation: string; entry: PageCacheEntry | undefined }> {
    const generation = `${await this.generationOf()}:${this.localVersion()}`;
    const entry = this.entries.get(key);
    if (!entry) return { generation, entry: undefined };
    if (entry.generation !== generation || this.now() - entry.storedAt >= entry.maxAgeMs) {
      this.entries.delete(key);
      return { generation, entry: undefined };
    }
    return { generation, entry };
  }

  /**
   * Keeps what an anonymous render of `key` produced under the counter read before it started
   * (a write during the render leaves an entry that the next lookup drops), or remembers that the
   * key cannot be kept. Answers the entry.
   */
  store(key: string, generation: string, rendered: RenderedForCache): PageCacheEntry {
    const entry = this.entryOf(generation, rendered, rendered.sharedBy === undefined ? 'public' : 'none');
    this.keep(key, entry);
    return entry;
  }

  /**
   * Keeps a shared page: a render for a signed-in visitor, of a page whose loaders only gated on
   * the visitor (never asked who they are) and whose reads were public reads and the shared reads
   * of one action, all answered 200. The account menu is cut out (each visitor gets theirs). Keeps
   * nothing, and answers undefined, when the render does not qualify (a visitor without the
   * permission must not make the page uncacheable for those with it).
   */
  storeShared(key: string, generation: string, rendered: RenderedForCache): CachedPage | undefined {
    if (!rendered.sharedBy || rendered.searchAudience !== undefined) return undefined;
    const entry = this.entryOf(generation, rendered, rendered.sharedBy);
    if (entry.kind !== 'page' || !entry.before || !entry.after) return undefined;
    this.keep(key, entry);
    return entry;
  }

  /**
   * Keeps a search page for everyone with one search audience: a render for a signed-in visitor
   * whose searches were all answered for `audience`, whose loaders never asked who the visitor is,
   * and whose other reads were public (no shared reads). Keeps nothing, and answers undefined,
   * when the render does not qualify. The key must name the audience; the entry is only ever
   * answered with a visitor's own menu spliced in.
   */
  storeForSearchAudience(
    key: string,
    generation: string,
    rendered: RenderedForCache,
    audience: string,
  ): CachedPage | undefined {
    if (rendered.searchAudience !== audience || rendered.sharedBy !== undefined) return undefined;
    const entry = this.entryOf(generation, rendered, 'search');
    if (entry.kind !== 'page' || !entry.before || !entry.after) return undefined;
    this.keep(key, entry);
    return entry;
  }

  private entryOf(
    generation: string,
    rendered: RenderedForCache,
    audience: 'public' | 'none' | 'search' | Action,
  ) {
    const { response, body } = rendered;
    const storedAt = this.now();
    const maxAgeMs = Math.min(this.ttlMs, rendered.maxAgeMs ?? Number.POSITIVE_INFINITY);
    const keepable =
      audience !== 'none' &&
      rendered.onlyPublicReads &&
      response.status === 200 &&
      !response.headers.has('Set-Cookie') &&
      (response.headers.get('Content-Type') ?? '').startsWith('text/html') &&
      !body.includes(rendered.nonce) &&
      (audience === 'public' || !rendered.askedForUser) &&
      // An anonymous page's searches are those anyone may find.
      (audience !== 'public' ||
        rendered.searchAudience === undefined ||
        rendered.searchAudience === searchAudienceOf(null));
    let entry: PageCacheEntry;
    if (keepable) {
      const parts = splitAtAccountMenu(body);
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'etag') headers.push([name, value]);
      });
      entry = {
        kind: 'page',
        generation,
        storedAt,
        maxAgeMs,
        headers,
        etag: entityTag(body),
        before: parts?.before ?? body,
        menu: parts?.menu ?? '',
        after: parts?.after ?? '',
        // What a signed-in visitor searches for finds more: a page with a search is not theirs.
        sharedWithSignedIn:
          audience === 'public' &&
          Boolean(parts) &&
          !rendered.askedForUser &&
          rendered.searchAudience === undefined,
        ...(audience === 'public' ? {} : { menu: '' }),
        ...(audience === 'public' || audience === 'search' ? {} : { sharedBy: audience }),
      };
      // A shared or search page is only ever answered with the visitor's own menu spliced in.
      if (audience !== 'public' && !parts) entry = { kind: 'uncacheable', generation, storedAt, maxAgeMs };
    } else {
      entry = { kind: 'uncacheable', generation, storedAt, maxAgeMs, failed: response.status >= 500 };
    }
    return entry;
  }

  private keep(key: string, entry: PageCacheEntry): void {
    this.entries.delete(key);
    // A failed render (a 5xx: a timeout under load, a database that went away) says nothing about
    // the page: it is not remembered as uncacheable, or one bad moment would cost a minute of renders.
    if (entry.kind === 'uncacheable' && entry.failed) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }

  /**
   * The account menu of a signed-in visitor with this header view and language, if known; with
   * `page`, the menu as that page shows it (it may mark the page's section as current).
   */
  accountMenu(identity: AccountMenuIdentity, page?: string): string | undefined {
    return this.fragments.get(fragmentKey(identity, page));
  }

  /**
   * Remembers the account menu of a full render for a signed-in visitor (of a page that the cache
   * could keep). Without `page`, a menu that marks a current section is specific to that page and
   * is not kept; with it, the menu is kept for that page only.
   */
  rememberAccountMenu(identity: AccountMenuIdentity, body: string, page?: string): void {
    const parts = splitAtAccountMenu(body);
    if (!parts || (page === undefined && parts.menu.includes('aria-current'))) return;
    const key = fragmentKey(identity, page);
    this.fragments.delete(key);
    if (this.fragments.size >= this.maxFragments) {
      const oldest = this.fragments.keys().next().value;
      if (oldest !== undefined) this.fragments.delete(oldest);
    }
    this.fragments.set(key, parts.menu);
  }

  /**
   * The current entry for `key`; when there is none, the entry a render of it under way stores
   * (waited for), or, when none is under way, `settle`: the caller is now the one rendering it and
   * calls `settle` with what it stored (or nothing, when the render failed) once done. The check
   * and the mark happen with no await between, so exactly one caller leads.
   */
  async lookupOrLead(key: string): Promise<{
    generation: string;
    entry: PageCacheEntry | undefined;
    settle?: (entry?: PageCacheEntry) => void;
  }> {
    const { generation, entry } = await this.lookup(key);
    if (entry) return { generation, entry };
    const inFlight = this.renderInFlight(key);
    if (!inFlight) return { generation, entry: undefined, settle: this.beginRender(key) };
    const waited = await inFlight;
    return {
      generation,
      entry: waited?.kind === 'page' && waited.generation === generation ? waited : undefined,
    };
  }

  /**
   * The render of `key` for the cache that is under way, if any: a visitor who misses while it runs
   * waits for it rather than rendering the same page again (64 visitors to a page nobody has seen
   * since a change would otherwise make 64 renders at once, each slower for the others).
   */
  renderInFlight(key: string): Promise<PageCacheEntry | undefined> | undefined {
    return this.rendering.get(key);
  }

  /**
   * Marks a render of `key` for the cache as under way; call the answer with what was stored (or
   * nothing, when the render failed) once it is done. Safe to call more than once.
   */
  beginRender(key: string): (entry?: PageCacheEntry) => void {
    let settle: (entry: PageCacheEntry | undefined) => void = () => {};
    const done = new Promise<PageCacheEntry | undefined>((resolve) => {
      settle = resolve;
    });
    this.rendering.set(key, done);
    return (entry) => {
      if (this.rendering.get(key) === done) this.rendering.delete(key);
      settle(entry);
    };
  }

  /**
   * The bytes of a kept page as an anonymous visitor gets it, made once per entry and encoding:
   * joining the parts and encoding them as UTF-8 for every answer was a fifth of a kept page's
   * cost, and compressing them for every browser (they all ask for it) cut a page to a third.
   */
  bodyOf(entry: CachedPage, encoding: ContentEncoding | null = null): Uint8Array<ArrayBuffer> {
    let bodies = this.anonymousBodies.get(entry);
    if (!bodies) {
      bodies = { identity: utf8.encode(entry.before + entry.menu + entry.after) };
      this.anonymousBodies.set(entry, bodies);
    }
    return encodedBody(bodies, encoding);
  }

  /**
   * The bytes of a kept page with `menu` in place of the anonymous one: the last few menus of each
   * entry are kept (a visitor reloading, a burst of searches), at most `maxSplicedBodies` in all.
   */
  splicedBodyOf(
    entry: CachedPage,
    menu: string,
    encoding: ContentEncoding | null = null,
  ): Uint8Array<ArrayBuffer> {
    let menus = this.splicedBodies.get(entry);
    let bodies = menus?.get(menu);
    if (!bodies) {
      bodies = { identity: utf8.encode(entry.before + menu + entry.after) };
      if (this.splicedCount >= maxSplicedBodies) {
        this.splicedBodies = new WeakMap();
        this.splicedCount = 0;
        menus = undefined;
      }
      if (!menus) {
        menus = new Map();
        this.splicedBodies.set(entry, menus);
      }
      if (menus.size >= maxSplicedBodiesPerEntry) {
        const oldest = menus.keys().next().value;
        if (oldest !== undefined) menus.delete(oldest);
      }
      menus.set(menu, bodies);
      this.splicedCount += 1;
    }
    return encodedBody(bodies, encoding);
  }

  /** Drops everything (tests, and a process that knows its pages are stale). */
  clear(): void {
    this.entries.clear();
    this.fragments.clear();
  }
}

/** Everything the signed-in account menu shows: the language and the header's view of the user. */
export interface AccountMenuIdentity {
  language: string;
  /** `headerUserView()` of the user (apps/portal/app/lib/header-user.ts). */
  user: Record<string, unknown>;
}

function fragmentKey({ language, user }: AccountMenuIdentity, page?: string): string {
  return `${language}\n${JSON.stringify(user)}${page === undefined ? '' : `\n${page}`}`;
}
