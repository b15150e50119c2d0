import type { ApiDependencies } from '../../context.ts';

/** A link in an email, to a portal page with a single-use token. */
export const linkTo = (deps: ApiDependencies, path: string, token: string) =>
  `${new URL(path, deps.config.publicUrl).toString()}?token=${encodeURIComponent(token)}`;

export const commonPasswordMessage = 'Adgangskoden er for almindelig – vælg en, der er sværere at gætte';
