import type { Translate } from '../i18n';
import { createTranslator } from '../i18n';
import '../i18n/catalogues';
import { languageFromCookieHeader } from '../i18n/language-cookie';
import type { FormErrors, FormMessage } from './form-errors';

export type { FormErrors, FormMessage };

export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string[]>;
  retryAfter: number | null;
}

/** The error body of an API answer (`{ error: { code, message, fields? } }`), whatever it holds. */
export async function readApiProblem(response: Response): Promise<ApiProblem> {
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: the status says enough.
  }
  const error =
    body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object'
      ? (body.error as Partial<Record<'code' | 'message' | 'fields', unknown>>)
      : {};
  const fields: Record<string, string[]> = {};
  if (error.fields && typeof error.fields === 'object') {
    for (const [name, messages] of Object.entries(error.fields)) {
      if (Array.isArray(messages)) fields[name] = messages.filter((m): m is string => typeof m === 'string');
    }
  }
  return {
    status: response.status,
    code: typeof error.code === 'string' ? error.code : 'unknown',
    message: typeof error.message === 'string' ? error.message : '',
    fields,
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : null,
  };
}

/** The translator for the visitor's language, for messages an action writes. */
export function translatorFor(request: Request): Translate {
  return createTranslator(languageFromCookieHeader(request.headers.get('Cookie')));
}

/**
 * Turns an API problem into what the form shows: field errors beside the fields (only for the
 * fields the form has), and a message for the whole form when there is nothing more precise.
 */
export function formErrorsFrom(
  problem: ApiProblem,
  t: Translate,
  knownFields: readonly string[],
): FormErrors {
  const fields: Record<string, FormMessage> = {};
  const form: FormMessage[] = [];
  for (const [name, messages] of Object.entries(problem.fields)) {
    const text = messages[0];
    if (!text) continue;
    if (knownFields.includes(name)) fields[name] = { text, fromApi: true };
    else form.push({ text, fromApi: true });
  }
  if (Object.keys(fields).length === 0 && form.length === 0) form.push(generalMessage(problem, t));
  return { form, fields };
}

export function generalMessage(problem: ApiProblem, t: Translate): FormMessage {
  if (problem.status === 429)
    return { text: t('form.tooManyAttempts', { seconds: problem.retryAfter ?? 60 }) };
  if (problem.code === 'forbidden') return { text: t('form.forbidden') };
  if (problem.status >= 500 || !problem.message) return { text: t('form.unexpected') };
  return { text: problem.message, fromApi: true };
}

export function formError(text: string): FormErrors {
  return { form: [{ text }], fields: {} };
}

/** A form field's text value ('' when missing or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The API's Set-Cookie headers (a new or ended session), for the page's own response. */
export function forwardedCookies(response: Response): Headers {
  const headers = new Headers();
  for (const cookie of response.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
  return headers;
}
