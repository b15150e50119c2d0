import type { ErrorCode } from '@brobygger/domain';
import { validationFailedMessage } from '../errors.ts';

/**
 * An expected way for a use case to fail (not found, a conflict, a wrong field, too many
 * attempts …). Thrown inside a transaction it rolls the transaction back, so a failed use case
 * changes nothing; the API turns it into its 4xx answer (`serviceErrorResponse` in errors.ts).
 */
export class UseCaseError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429,
    readonly fields?: Record<string, string[]>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'UseCaseError';
  }
}

export const notFound = (message: string) => new UseCaseError('not_found', message, 404);
export const conflict = (message: string) => new UseCaseError('conflict', message, 409);
export const notSignedIn = () => new UseCaseError('unauthorized', 'Du skal være logget ind.', 401);
export const invalidToken = () =>
  new UseCaseError('invalid_token', 'Linket er ugyldigt, brugt eller udløbet.', 400);
/** 422 with one field's message, for checks only the use case can make (a wrong password). */
export const invalidField = (field: string, message: string) =>
  new UseCaseError('validation_failed', validationFailedMessage, 422, { [field]: [message] });
export const tooManyAttempts = (seconds: number) =>
  new UseCaseError(
    'too_many_requests',
    `For mange forsøg. Prøv igen om ${seconds} sekunder.`,
    429,
    undefined,
    seconds,
  );
/** 403: signed in, but this resource is not theirs (a lead owner of another focus area). */
export const forbidden = (message = 'Du har ikke adgang til dette.') =>
  new UseCaseError('forbidden', message, 403);
