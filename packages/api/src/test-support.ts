import { Writable } from 'node:stream';
import { type DatabaseKind, seedPolicy } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import pino from 'pino';
import { createApi } from './app.ts';
import type { SessionCache } from './auth/session-cache.ts';
import type { ApiDependencies } from './context.ts';
import type { FileStore } from './files/store.ts';
import { settleAfterResponse } from './services/after-response.ts';

/** Each test API's way to wait for the work it does after answering (see `call`). */
const settlers = new WeakMap<object, () => Promise<void>>();

/** An API over a fresh, migrated and seeded test database, with its log lines captured. */
export const testOrigin = 'http://localhost';

export async function createTestApi(
  kind: DatabaseKind,
  options: {
    production?: boolean;
    devMailbox?: boolean;
    sessionCache?: SessionCache;
    files?: FileStore;
  } = {},
) {
  const database = await openTestDatabase(kind);
  await seedPolicy(database.db);
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const deps: ApiDependencies = {
    db: database.db,
    databaseKind: database.kind,
    searchKind: 'postgres',
    logger,
    config: {
      production: options.production ?? false,
      publicUrl: 'http://localhost:3000',
      devMailbox: options.devMailbox ?? true,
    },
    // Tests stand in for a trusted proxy, so each can choose its client's address.
    clientIp: (c) => c.req.header('x-forwarded-for') ?? null,
    ...(options.sessionCache ? { sessionCache: options.sessionCache } : {}),
    ...(options.files ? { files: options.files } : {}),
  };
  const app = createApi(deps);
  const settle = () => settleAfterResponse(deps);
  settlers.set(app, settle);
  return { app, db: database.db, deps, logLines, settle, close: () => database.close() };
}

/** Reads a JSON answer for assertions; tests look into it freely. */
// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape.
export async function readJson(res: Response): Promise<any> {
  return res.json();
}

export interface CallOptions {
  json?: unknown;
  body?: string;
  contentType?: string;
  token?: string;
  cookie?: string;
  origin?: string | null;
  ip?: string;
  headers?: Record<string, string>;
}

/** One request to the API, the way a browser or an API client would send it. */
export async function call(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  method: string,
  path: string,
  options: CallOptions = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.contentType) headers['content-type'] = options.contentType;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  // A browser sends its Origin on every POST; tests do too unless told otherwise.
  if (options.origin !== null && method !== 'GET') headers.origin = options.origin ?? testOrigin;
  if (options.ip) headers['x-forwarded-for'] = options.ip;
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  // Work a use case left for after the answer (a reset link) is done before the test looks.
  await settlers.get(app)?.();
  // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape.
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** The `name=value` part of the session cookie a response sets, for sending it back. */
export function sessionCookieFrom(headers: Headers): string | undefined {
  const setCookie = headers.get('set-cookie') ?? '';
  return setCookie.match(/((?:__Host-)?brobygger_session=[^;]*)/)?.[1];
}

/** The link token in the newest email of a kind to an address. */
export async function tokenFromOutbox(
  db: import('kysely').Kysely<import('@brobygger/db').Database>,
  to: string,
  kind: string,
): Promise<string | undefined> {
  const email = await db
    .selectFrom('email_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const match = email?.text_body.match(/token=([a-z2-7.%E]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
