import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { formErrorsFrom, forwardedCookies, readApiProblem } from './form.server';

const t = createTranslator('da');
const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  readApiProblem(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
  );

describe('form errors from API answers', () => {
  it('puts field errors beside the fields the form has, the rest at the top', async () => {
    const errors = formErrorsFrom(
      await problem(422, {
        error: {
          code: 'validation_failed',
          message: 'Ugyldige data',
          fields: { email: ['Skriv en e-mailadresse', 'andet'], _: ['Hele formularen'] },
        },
      }),
      t,
      ['email'],
    );
    expect(errors).toEqual({
      fields: { email: { text: 'Skriv en e-mailadresse', fromApi: true } },
      form: [{ text: 'Hele formularen', fromApi: true }],
    });
  });

  it('says how long to wait when throttled, in the visitor’s language', async () => {
    const errors = formErrorsFrom(
      await problem(429, { error: { code: 'too_many_requests', message: 'x' } }, { 'Retry-After': '12' }),
      createTranslator('en'),
      [],
    );
    expect(errors.form).toEqual([{ text: 'Too many attempts. Wait 12 seconds and try again.' }]);
  });

  it('copes with an answer that is not JSON', async () => {
    const answer = await readApiProblem(new Response('oops', { status: 502 }));
    expect(answer).toMatchObject({ status: 502, code: 'unknown', fields: {} });
    expect(formErrorsFrom(answer, t, []).form).toEqual([{ text: t('form.unexpected') }]);
  });
});

describe('forwardedCookies', () => {
  it('copies every Set-Cookie header', () => {
    const response = new Response(null, { status: 204 });
    response.headers.append('Set-Cookie', 'a=1; Path=/');
    response.headers.append('Set-Cookie', 'b=2; Path=/');
    expect(forwardedCookies(response).getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });
});
