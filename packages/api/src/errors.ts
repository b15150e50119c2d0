import { type ApiError, type ErrorCode, errorCodes } from '@brobygger/domain';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { UseCaseError } from './services/errors.ts';

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

export const validationFailedMessage = 'Ugyldige data: ret de markerede felter.';

/** 422 with one field's message, for checks that only the handler can make (a wrong password). */
export function fieldError(c: Context, field: string, message: string) {
  return c.json(errorBody('validation_failed', validationFailedMessage, { [field]: [message] }), 422);
}

export function unauthorized(c: Context) {
  return c.json(errorBody('unauthorized', 'Du skal være logget ind.'), 401);
}

/** The answer for a use case's expected failure (thrown as UseCaseError; see app.ts onError). */
export function useCaseErrorResponse(c: Context, error: UseCaseError) {
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  return c.json(errorBody(error.code, error.message, error.fields), error.status);
}
