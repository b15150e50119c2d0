import { type ApiError, type ErrorCode, errorCodes } from '@brobygger/domain';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function errorBody(code: ErrorCode, message: string, fields?: Record<string, string[]>): ApiError {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string[]>,
) {
  return c.json(errorBody(code, message, fields), status);
}

export function notFound(c: Context, message = 'Ikke fundet') {
  return c.json(errorBody(errorCodes.notFound, message), 404);
}
