import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, readJson } from './test-support.ts';

describe('GET /api/openapi.json', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let doc: {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string }[];
          responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
        }
      >
    >;
  };
  beforeAll(async () => {
    api = await createTestApi('pglite');
    const res = await api.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = await readJson(res);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents every route with a response schema', () => {
    const expected = [
      ['/api/health', 'get'],
      ['/api/policy', 'get'],
      ['/api/strategy-tracks', 'get'],
      ['/api/focus-areas', 'get'],
      ['/api/focus-areas/{slug}', 'get'],
      ['/api/initiatives', 'get'],
    ] as const;
    for (const [path, method] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(
        operation?.responses['200']?.content?.['application/json']?.schema,
        `${method} ${path}`,
      ).toBeDefined();
    }
  });

  it('gives every operation a success answer and schemas for every JSON body, in and out', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const { name, operation } of operations) {
      const op = operation as typeof operation & {
        requestBody?: { content?: Record<string, { schema?: unknown }> };
      };
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((status) => status.startsWith('2')),
        name,
      ).toBe(true);
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          expect(media.schema, `${name} ${status} ${type}`).toBeDefined();
        }
      }
      if (op.requestBody) expect(op.requestBody.content?.['application/json']?.schema, name).toBeDefined();
      if (name.startsWith('post') || name.startsWith('delete')) {
        expect(statuses, `${name} documents the CSRF refusal`).toContain('403');
      }
    }
  });

  it('documents the parameters that the routes validate, and their error answers', () => {
    const detail = doc.paths['/api/focus-areas/{slug}']?.get;
    expect(detail?.parameters).toEqual([expect.objectContaining({ name: 'slug', in: 'path' })]);
    expect(detail?.responses['400']?.content?.['application/json']?.schema).toBeDefined();
    expect(detail?.responses['404']?.content?.['application/json']?.schema).toBeDefined();
    const list = doc.paths['/api/initiatives']?.get;
    expect(list?.parameters).toEqual([expect.objectContaining({ name: 'focusArea', in: 'query' })]);
  });
});
