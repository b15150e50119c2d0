import { apiErrorSchema, fieldErrors } from '@brobygger/domain';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { errorBody } from './errors.ts';

/**
 * A router whose validation failures answer in the error format of the public contract:
 * 400 for parameters and query strings, 422 for bodies that parse but do not validate.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const status = result.target === 'json' || result.target === 'form' ? 422 : 400;
      return c.json(
        errorBody('validation_failed', 'Ugyldige data: ret de markerede felter.', fieldErrors(result.error)),
        status,
      );
    },
  });
}

export const errorResponses = {
  400: {
    description: 'Invalid parameters',
    content: { 'application/json': { schema: apiErrorSchema } },
  },
};

export const notFoundResponse = {
  404: {
    description: 'Not found',
    content: { 'application/json': { schema: apiErrorSchema } },
  },
};
