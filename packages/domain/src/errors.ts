import { z } from 'zod';

/** The error body of every 4xx answer (docs/design.md, "The public contract"). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const errorCodes = {
  badRequest: 'bad_request',
  validation: 'validation_failed',
  notFound: 'not_found',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  /** 431 from the HTTP server itself: the URL or the headers are over Node's maxHeaderSize. */
  headersTooLarge: 'headers_too_large',
  uriTooLong: 'uri_too_long',
  requestTimeout: 'request_timeout',
  forbidden: 'forbidden',
  unauthorized: 'unauthorized',
  methodNotAllowed: 'method_not_allowed',
  tooManyRequests: 'too_many_requests',
  conflict: 'conflict',
  invalidCredentials: 'invalid_credentials',
  totpRequired: 'totp_required',
  twoFactorRequired: 'two_factor_required',
  invalidToken: 'invalid_token',
  commonPassword: 'common_password',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

/** Turns zod issues into `{ field: [messages] }`; issues on the whole value go under "_". */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fields[key] ??= [];
    fields[key].push(issue.message);
  }
  return fields;
}
