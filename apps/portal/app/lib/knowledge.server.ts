import type { AppLoadContext } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { formErrorsFrom, type readApiProblem, translatorFor } from './form.server';
import { loginUrl } from './redirect-to';

// Knowledge (issue 11): what the library's and the forum's pages share on the server.

type UserLike = { roles: { role: string }[] } | null | undefined;

export const isStaffUser = (user: UserLike) =>
  user?.roles.some((grant) => grant.role === 'staff' || grant.role === 'admin') ?? false;

/** Staff pages: anonymous visitors go to the login, others get 403. */
export async function requireStaff(request: Request, context: AppLoadContext) {
  const user = await context.currentUser().catch(() => null);
  if (!user) throw redirect(loginUrl(request));
  if (!isStaffUser(user)) throw new Response('Forbidden', { status: 403 });
  return user;
}

export async function requireSignedIn(request: Request, context: AppLoadContext) {
  const user = await context.currentUser().catch(() => null);
  if (!user) throw redirect(loginUrl(request));
  return user;
}

export interface ResourceFormValues {
  kind: string;
  title: string;
  summary: string;
  body: string;
  url: string;
  audience: string;
  focusAreas: string[];
  tags: string;
  note: string;
  baseRevision?: string;
}

export function resourceFormValues(form: FormData): ResourceFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    kind: text('kind'),
    title: text('title'),
    summary: text('summary'),
    body: text('body'),
    url: text('url'),
    audience: text('audience'),
    focusAreas: form.getAll('focusAreas').filter((value): value is string => typeof value === 'string'),
    tags: text('tags'),
    note: text('note'),
    baseRevision: text('baseRevision'),
  };
}

/** The API body of the resource form: tags are written comma-separated. */
export function resourceBody(values: ResourceFormValues) {
  const tags = values.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  const revision = Number(values.baseRevision);
  return {
    kind: values.kind,
    title: values.title,
    summary: values.summary,
    body: values.body,
    url: values.url,
    audience: values.audience,
    focusAreas: values.focusAreas,
    tags,
    note: values.note,
    ...(Number.isInteger(revision) && revision > 0 ? { baseRevision: revision } : {}),
  };
}

/** Field errors of tags come back as `tags.0`: shown on the one tags field. */
export function resourceFieldName(field: string) {
  return field.startsWith('tags') ? 'tags' : field.startsWith('focusAreas') ? 'focusAreas' : field;
}

export const resourceFields = [
  'kind',
  'title',
  'summary',
  'body',
  'url',
  'audience',
  'focusAreas',
  'tags',
  'note',
];

/** API field errors (`tags.0`) on the form's fields. */
export function resourceErrors(problem: Awaited<ReturnType<typeof readApiProblem>>, request: Request) {
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(problem.fields)) fields[resourceFieldName(name)] ??= messages;
  return formErrorsFrom({ ...problem, fields }, translatorFor(request), resourceFields);
}
