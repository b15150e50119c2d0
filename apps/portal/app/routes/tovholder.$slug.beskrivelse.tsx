import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { diffLines } from 'diff';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary } from '../components/form-errors';
import { unitKeys } from '../components/status';
import { createTranslator, type Translate } from '../i18n';
import { languageFromCookieHeader } from '../i18n/language-cookie';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { requireUser } from '../lib/session.server';
import {
  type DescriptionRevisionView,
  keyFrom,
  loadDescriptionHistory,
  loadWorkspace,
  parseFormNumber,
} from '../lib/status.server';

type Content = DescriptionRevisionView['content'];
const units = ['count', 'percent', 'dkk', 'number'] as const;

/** A revision as readable lines, the text the history's diff compares. */
function asText(content: Content, t: Translate): string {
  const lines = [`${t('description.purpose')}: ${content.purpose}`];
  for (const goal of content.goals) {
    lines.push(`${t('description.goal')}: ${goal.title}`);
    for (const indicator of goal.indicators) {
      lines.push(
        `  ${t('description.indicator')}: ${indicator.name} (${t(unitKeys[indicator.unit])}) ${indicator.baseline} (${indicator.baselineDate}) → ${indicator.target} (${indicator.targetDate})`,
      );
    }
  }
  for (const partner of content.partners)
    lines.push(`${t('description.partner')}: ${partner.name} – ${partner.part}`);
  return `${lines.join('\n')}\n`;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const workspace = await loadWorkspace(request, context, slug);
  const revisions = await loadDescriptionHistory(context, slug);
  const t = createTranslator(languageFromCookieHeader(request.headers.get('Cookie')));
  const wanted = Number.parseInt(new URL(request.url).searchParams.get('revision') ?? '', 10);
  const shownIndex = Math.max(
    0,
    revisions.findIndex((revision) => revision.revision === wanted),
  );
  const shown = revisions[shownIndex];
  const before = revisions[shownIndex + 1];
  // The readable diff between the shown revision and the one before it (jsdiff, by lines).
  const diff = shown
    ? diffLines(before ? asText(before.content, t) : '', asText(shown.content, t)).map((part) => ({
        kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
        text: part.value,
      }))
    : [];
  return {
    focusArea: workspace.focusArea,
    canEdit: workspace.canEdit,
    current: workspace.description?.content ?? null,
    revisions: revisions.map(({ revision, authorName, createdAt }) => ({ revision, authorName, createdAt })),
    shown: shown ? { revision: shown.revision, before: before?.revision ?? null } : null,
    diff,
  };
}

interface DescriptionActionData {
  errors: FormErrors;
  /** What was sent, shown again after a refusal. */
  submitted: ReturnType<typeof descriptionFrom>;
}

/** Reads the form's numbered rows; a row whose name is empty is left out (that removes it). */
function descriptionFrom(form: FormData) {
  const count = (name: string) => Math.min(Number.parseInt(formText(form, name), 10) || 0, 50);
  const taken = new Set<string>();
  for (const [name, value] of form.entries())
    if (name.endsWith('-key') && typeof value === 'string' && value) taken.add(value);
  const goals = [];
  for (let g = 0; g < count('goals'); g++) {
    const title = formText(form, `goal-${g}-title`).trim();
    if (!title) continue;
    const indicators = [];
    for (let i = 0; i < count(`goal-${g}-indicators`); i++) {
      const p = `goal-${g}-indicator-${i}`;
      const name = formText(form, `${p}-name`).trim();
      if (!name) continue;
      indicators.push({
        key: formText(form, `${p}-key`) || keyFrom(name, taken),
        name,
        unit: formText(form, `${p}-unit`) as (typeof units)[number],
        baseline: parseFormNumber(formText(form, `${p}-baseline`)) as number,
        baselineDate: formText(form, `${p}-baselineDate`),
        target: parseFormNumber(formText(form, `${p}-target`)) as number,
        targetDate: formText(form, `${p}-targetDate`),
      });
    }
    goals.push({ key: formText(form, `goal-${g}-key`) || keyFrom(title, taken), title, indicators });
  }
  const partners = [];
  for (let p = 0; p < count('partners'); p++) {
    const name = formText(form, `partner-${p}-name`).trim();
    if (name) partners.push({ name, part: formText(form, `partner-${p}-part`) });
  }
  return { purpose: formText(form, 'purpose'), goals, partners };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const slug = params.slug ?? '';
  const submitted = descriptionFrom(await request.formData());
  const response = await context.api.api['focus-areas'][':slug'].description.$put({
    param: { slug },
    json: submitted,
  });
  if (response.ok)
    return redirect(flashUrl(`/tovholder/${encodeURIComponent(slug)}/beskrivelse`, 'beskrivelse-gemt'));
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  const problem = await readApiProblem(response);
  return data<DescriptionActionData>(
    { errors: formErrorsFrom(problem, translatorFor(request), []), submitted },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'description.title' });

function Input({
  id,
  label,
  ...rest
}: { id: string; label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <input className="form-input" id={id} name={id} {...rest} />
    </div>
  );
}

export default function DescriptionPage() {
  const { focusArea, canEdit, current, revisions, shown, diff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as DescriptionActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  // Every existing goal, indicator and partner, and one empty row of each to add a new one.
  const editing = actionData?.submitted ?? current;
  const goals = [...(editing?.goals ?? []), { key: '', title: '', indicators: [] }];
  const partners = [...(editing?.partners ?? []), { name: '', part: '' }];
  const emptyIndicator = {
    key: '',
    name: '',
    unit: 'count' as const,
    baseline: '',
    baselineDate: '',
    target: '',
    targetDate: '',
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('lead.title'), to: '/tovholder' },
          { label: focusArea.name, to: `/tovholder/${focusArea.slug}`, lang: dataLang },
          { label: t('description.title') },
        ]}
      />
      <h1>{t('description.heading', { area: focusArea.name })}</h1>
      {canEdit ? (
        <Form method="post" className="description-form" key={actionData ? 'submitted' : 'stored'}>
          <FormErrorSummary errors={actionData?.errors} />
          <p>{t('description.intro')}</p>
          <div className="form-group">
            <label className="form-label" htmlFor="purpose">
              {t('description.purpose')}
            </label>
            <textarea
              className="form-input"
              id="purpose"
              name="purpose"
              rows={5}
              defaultValue={editing?.purpose ?? ''}
            />
          </div>
          <input type="hidden" name="goals" value={goals.length} />
          {goals.map((goal, g) => {
            const indicators = [...goal.indicators, emptyIndicator];
            return (
              <fieldset key={goal.key || `new-${g}`} className="description-form__goal">
                <legend className="h3">
                  {goal.title ? t('description.goalNamed', { title: goal.title }) : t('description.newGoal')}
                </legend>
                <input type="hidden" name={`goal-${g}-key`} value={goal.key} />
                <input type="hidden" name={`goal-${g}-indicators`} value={indicators.length} />
                <Input id={`goal-${g}-title`} label={t('description.goalTitle')} defaultValue={goal.title} />
                {indicators.map((indicator, i) => {
                  const p = `goal-${g}-indicator-${i}`;
                  return (
                    <fieldset key={indicator.key || `new-${i}`} className="description-form__indicator">
                      <legend>
                        {indicator.name
                          ? t('description.indicatorNamed', { name: indicator.name })
                          : t('description.newIndicator')}
                      </legend>
                      <input type="hidden" name={`${p}-key`} value={indicator.key} />
                      <Input
                        id={`${p}-name`}
                        label={t('description.indicatorName')}
                        defaultValue={indicator.name}
                      />
                      <div className="form-group">
                        <label className="form-label" htmlFor={`${p}-unit`}>
                          {t('description.unit')}
                        </label>
                        <select
                          className="form-select"
                          id={`${p}-unit`}
                          name={`${p}-unit`}
                          defaultValue={indicator.unit}
                        >
                          {units.map((unit) => (
                            <option key={unit} value={unit}>
                              {t(unitKeys[unit])}
                            </option>
                          ))}
                        </select>
                      </div>
                      <Input
                        id={`${p}-baseline`}
                        label={t('description.baseline')}
                        inputMode="decimal"
                        defaultValue={String(indicator.baseline)}
                      />
                      <Input
                        id={`${p}-baselineDate`}
                        label={t('description.baselineDate')}
                        type="date"
                        defaultValue={indicator.baselineDate}
                      />
                      <Input
                        id={`${p}-target`}
                        label={t('description.target')}
                        inputMode="decimal"
                        defaultValue={String(indicator.target)}
                      />
                      <Input
                        id={`${p}-targetDate`}
                        label={t('description.targetDate')}
                        type="date"
                        defaultValue={indicator.targetDate}
                      />
                    </fieldset>
                  );
                })}
              </fieldset>
            );
          })}
          <input type="hidden" name="partners" value={partners.length} />
          <fieldset>
            <legend className="h3">{t('description.partners')}</legend>
            {partners.map((partner, p) => (
              <div key={partner.name || `new-${p}`} className="description-form__partner">
                <Input
                  id={`partner-${p}-name`}
                  label={t('description.partnerName')}
                  defaultValue={partner.name}
                />
                <Input
                  id={`partner-${p}-part`}
                  label={t('description.partnerPart')}
                  defaultValue={partner.part}
                />
              </div>
            ))}
          </fieldset>
          <p className="form-hint">{t('description.removeHint')}</p>
          <button type="submit" className="button button-primary">
            {t('description.save')}
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('description.history')}</h2>
        {revisions.length === 0 ? (
          <p>{t('description.noHistory')}</p>
        ) : (
          <>
            <ol reversed className="description-history">
              {revisions.map((revision) => (
                <li key={revision.revision}>
                  <Link
                    to={`?revision=${revision.revision}`}
                    aria-current={shown?.revision === revision.revision ? 'true' : undefined}
                  >
                    {t('description.revision', { number: revision.revision })}
                  </Link>{' '}
                  · {formatDateTime(revision.createdAt, lng)} ·{' '}
                  <span lang={dataLang}>{revision.authorName ?? '—'}</span>
                </li>
              ))}
            </ol>
            {shown ? (
              <>
                <h3>
                  {shown.before
                    ? t('description.diffHeading', { number: shown.revision, before: shown.before })
                    : t('description.firstRevision', { number: shown.revision })}
                </h3>
                <pre className="description-diff" lang={dataLang}>
                  {diff.map((part, index) =>
                    part.kind === 'added' ? (
                      <ins key={index}>
                        <span className="sr-only">{t('description.added')} </span>
                        {part.text}
                      </ins>
                    ) : part.kind === 'removed' ? (
                      <del key={index}>
                        <span className="sr-only">{t('description.removed')} </span>
                        {part.text}
                      </del>
                    ) : (
                      <span key={index}>{part.text}</span>
                    ),
                  )}
                </pre>
              </>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
