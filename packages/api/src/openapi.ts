import { apiErrorSchema, fieldErrors } from '@brobygger/domain';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { errorBody, validationFailedMessage } from './errors.ts';

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
        errorBody('validation_failed', validationFailedMessage, fieldErrors(result.error)),
        status,
      );
    },
  });
}

const errorDescriptions = {
  400: 'Invalid parameters or token',
  401: 'Not signed in',
  403: 'Not allowed, or a cross-site request',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Not JSON',
  422: 'The body does not validate; `fields` says why',
  429: 'Too many attempts; see Retry-After',
  431: 'The URL or the request headers are too large',
} as const;
type ErrorStatus = keyof typeof errorDescriptions;

type ErrorResponse = {
  description: string;
  content: { 'application/json': { schema: typeof apiErrorSchema } };
};

/** Documented error answers of a route, in the contract's error format. */
export function errors<const S extends readonly ErrorStatus[]>(
  ...statuses: S
): { [K in S[number]]: ErrorResponse } {
  const out: Record<number, ErrorResponse> = {};
  for (const status of statuses) {
    out[status] = {
      description: errorDescriptions[status],
      content: { 'application/json': { schema: apiErrorSchema } },
    };
  }
  return out as { [K in S[number]]: ErrorResponse };
}

export const errorResponses = errors(400);
export const notFoundResponse = errors(404);

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

export const messageSchema = z.object({ message: z.string() });

type SecurityRequirement = Record<string, string[]>;

/** Names of the two ways to be signed in, as the document's `components.securitySchemes` lists them. */
export const securitySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'brobygger_session',
    description:
      'The session cookie a browser gets from `POST /api/auth/login` (`__Host-brobygger_session` in production, over HTTPS). A request that changes something with it must carry our own `Origin`.',
  },
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The `token` from `POST /api/auth/login`, sent as `Authorization: Bearer <token>`.',
  },
} as const;

/** `security` of an operation that needs a signed-in user: the cookie or the bearer token. */
export const signedIn: SecurityRequirement[] = [{ sessionCookie: [] }, { bearerToken: [] }];
/** `security` of an operation anyone may call. */
export const publicAccess: SecurityRequirement[] = [];
/** `security` of an operation that acts on the session when there is one (logging out). */
export const optionallySignedIn: SecurityRequirement[] = [{ sessionCookie: [] }, { bearerToken: [] }, {}];

/** Adds the security schemes to the app's OpenAPI document. */
export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  }
}
