import {
  type availabilitySlots,
  commonVolunteerLanguages,
  languageLevels,
  partsOfDay,
  volunteerSkills,
  weekdays,
} from '@brobygger/domain';
import { Alert, TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { CheckboxChoices } from '../components/checkbox-choices';
import { FieldErrorText, FormErrorSummary, useFieldError } from '../components/form-errors';
import { levelLabel } from '../components/volunteer-parts';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { fieldErrorsOf, volunteerBody, volunteerFormFields } from '../lib/associations.server';
import { languageName } from '../lib/event-format';
import { type FormErrors, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// Associations and volunteers (issue 10): the volunteer's own profile, with the consent that staff
// may contact them (withdrawable here). A plain POST form: it works without JavaScript.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const [response, focusAreas] = await Promise.all([
    context.api.api.volunteers.me.$get(),
    getFocusAreas(context.api),
  ]);
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('GET /api/volunteers/me', (response as Response).status);
  return {
    profile: (await response.json()).profile,
    focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })),
  };
}

type Body = ReturnType<typeof volunteerBody>;
type ActionData = { done: true } | { done: false; values: Body; errors: FormErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translatorFor(request);
  const codes = [...commonVolunteerLanguages, ...form.getAll('knownLanguage').map(String)];
  const body = volunteerBody(form, [...new Set(codes)]);
  const response = await context.api.api.volunteers.me.$put({ json: body as never });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.ok) return data<ActionData>({ done: true });
  const problem = await readApiProblem(response);
  return data<ActionData>(
    { done: false, values: body, errors: fieldErrorsOf(problem, t, volunteerFormFields) },
    { status: problem.status },
  );
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'volunteer.title' });

export default function VolunteerProfilePage() {
  const { profile, focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const errors = actionData && !actionData.done ? actionData.errors : undefined;
  const field = useFieldError(errors);
  const fieldClass = (name: string) => (errors?.fields[name] ? 'form-group form-error' : 'form-group');
  const values = actionData && !actionData.done ? actionData.values : null;
  const spoken = values?.languages ?? profile?.languages ?? [];
  const levelOf = (code: string) => spoken.find((entry) => entry.language === code)?.level ?? '';
  const languageCodes = [...new Set([...commonVolunteerLanguages, ...spoken.map((entry) => entry.language)])];
  const skills = values?.skills ?? profile?.skills ?? [];
  const availability = values?.availability ?? profile?.availability ?? [];
  const interests = values?.interests ?? profile?.interests.map((area) => area.slug) ?? [];
  const consent = values ? values.consent : (profile?.consent ?? false);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.myPage'), to: '/min-side' },
          { label: t('volunteer.title') },
        ]}
      />
      <h1>{t('volunteer.title')}</h1>
      <p className="font-lead">{t('volunteer.lead')}</p>
      <p>
        <Link to="/frivillig/historik">{t('volunteer.historyLink')}</Link>
      </p>
      {actionData?.done ? (
        <Alert variant="success" role="status">
          <p>{t('volunteer.saved')}</p>
        </Alert>
      ) : null}
      <FormErrorSummary errors={errors} />
      <Form method="post" noValidate className="volunteer-form">
        <fieldset className={fieldClass('languages')} id="languages">
          <legend className="form-label">{t('volunteer.languages')}</legend>
          <span className="form-hint">{t('volunteer.languagesHint')}</span>
          <FieldErrorText errors={errors} name="languages" />
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('volunteer.language')}</th>
                  <th scope="col">{t('volunteer.level')}</th>
                </tr>
              </thead>
              <tbody>
                {languageCodes.map((code) => (
                  <tr key={code}>
                    <th scope="row">
                      <label htmlFor={`level-${code}`}>{languageName(code, lng)}</label>
                      <input type="hidden" name="knownLanguage" value={code} />
                    </th>
                    <td>
                      <select
                        className="form-select"
                        id={`level-${code}`}
                        name={`level-${code}`}
                        defaultValue={levelOf(code)}
                      >
                        <option value="">{t('volunteer.level.none')}</option>
                        {languageLevels.map((level) => (
                          <option key={level} value={level}>
                            {t(levelLabel(level))}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <TextField
            id="otherLanguage"
            label={t('volunteer.otherLanguage')}
            hint={t('volunteer.otherLanguageHint')}
            width="xs"
            maxLength={3}
            autoComplete="off"
          />
          <div className="form-group">
            <label className="form-label" htmlFor="otherLevel">
              {t('volunteer.otherLevel')}
            </label>
            <select className="form-select" id="otherLevel" name="otherLevel" defaultValue="good">
              {languageLevels.map((level) => (
                <option key={level} value={level}>
                  {t(levelLabel(level))}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <CheckboxChoices
          name="skills"
          legend={t('volunteer.skills')}
          idPrefix="skill"
          choices={volunteerSkills.map((skill) => ({
            value: skill,
            label: t(`volunteer.skill.${skill}`),
            checked: skills.includes(skill),
          }))}
          errors={errors}
        />
        <TextField
          id="skillsOther"
          label={t('volunteer.skillsOther')}
          defaultValue={values?.skillsOther ?? profile?.skillsOther}
          maxLength={500}
          {...field('skillsOther')}
        />

        <fieldset className={fieldClass('availability')} id="availability">
          <legend className="form-label">{t('volunteer.availability')}</legend>
          <FieldErrorText errors={errors} name="availability" />
          <div className="table--responsive-scroll">
            <table className="table table--compact availability-grid">
              <thead>
                <tr>
                  <td />
                  {partsOfDay.map((part) => (
                    <th key={part} scope="col">
                      {t(`volunteer.part.${part}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weekdays.map((day) => (
                  <tr key={day}>
                    <th scope="row">{t(`volunteer.day.${day}`)}</th>
                    {partsOfDay.map((part) => {
                      const slot = `${day}-${part}` as (typeof availabilitySlots)[number];
                      return (
                        <td key={slot}>
                          <input
                            className="availability-checkbox"
                            type="checkbox"
                            id={`slot-${slot}`}
                            name="availability"
                            value={slot}
                            defaultChecked={availability.includes(slot)}
                            aria-label={`${t(`volunteer.day.${day}`)} ${t(`volunteer.part.${part}`)}`}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>

        <CheckboxChoices
          name="interests"
          legend={t('volunteer.interests')}
          idPrefix="interest"
          choices={focusAreas.map((area) => ({
            value: area.slug,
            label: area.name,
            checked: interests.includes(area.slug),
            lang: dataLang,
          }))}
          errors={errors}
        />

        <div className={fieldClass('presentation')}>
          <label className="form-label" htmlFor="presentation">
            {t('volunteer.presentation')}
          </label>
          <FieldErrorText errors={errors} name="presentation" />
          <textarea
            className="form-input input-width-xl"
            id="presentation"
            name="presentation"
            rows={5}
            maxLength={2000}
            defaultValue={values?.presentation ?? profile?.presentation}
            aria-describedby={errors?.fields.presentation ? 'presentation-error' : undefined}
          />
        </div>

        <fieldset className={fieldClass('consent')} id="consent">
          <legend className="form-label">{t('volunteer.consent')}</legend>
          <span className="form-hint">{t('volunteer.consentHint')}</span>
          <FieldErrorText errors={errors} name="consent" />
          <div className="form-group-radio">
            <input
              className="form-radio"
              type="radio"
              id="consent-yes"
              name="consent"
              value="yes"
              defaultChecked={consent}
            />
            <label htmlFor="consent-yes">{t('volunteer.consentYes')}</label>
          </div>
          <div className="form-group-radio">
            <input
              className="form-radio"
              type="radio"
              id="consent-no"
              name="consent"
              value="no"
              defaultChecked={!consent}
            />
            <label htmlFor="consent-no">{t('volunteer.consentNo')}</label>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('volunteer.save')}
          </button>
        </div>
      </Form>
    </>
  );
}
