import { TextField } from '@brobygger/ui';
import { Form } from '@remix-run/react';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import type { ResourceFormValues } from '../lib/knowledge.server';
import { FormErrorSummary, type FormErrors, useFieldError } from './form-errors';

// Knowledge (issue 11): the parts the library's and the forum's pages share.

export const resourceKindKeys: Record<string, MessageKey> = {
  guide: 'knowledge.kind.guide',
  document: 'knowledge.kind.document',
  link: 'knowledge.kind.link',
  contact: 'knowledge.kind.contact',
  template: 'knowledge.kind.template',
};
export const audienceKeys: Record<string, MessageKey> = {
  public: 'knowledge.audience.public',
  volunteers: 'knowledge.audience.volunteers',
  associations: 'knowledge.audience.associations',
  staff: 'knowledge.audience.staff',
};

/** Markdown rendered and sanitised by the API: the only place the portal sets HTML. */
// Set as HTML only here: it is the API's sanitize-html output.
export function SanitisedHtml({ html, lang }: { html: string; lang?: string | undefined }) {
  return <div className="knowledge-body" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function ResourceForm({
  values,
  errors,
  focusAreas,
  submitLabel,
}: {
  values: ResourceFormValues;
  errors: FormErrors | undefined;
  focusAreas: { slug: string; name: string }[];
  submitLabel: string;
}) {
  const { t, dataLang } = useTranslation();
  const fieldError = useFieldError(errors);
  const err = (name: string) => errors?.fields[name];
  return (
    <Form method="post" noValidate>
      <FormErrorSummary errors={errors} />
      {values.baseRevision ? <input type="hidden" name="baseRevision" value={values.baseRevision} /> : null}
      <div className={`form-group${err('kind') ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="kind">
          {t('knowledge.form.kind')}
        </label>
        {err('kind') ? (
          <span className="form-error-message" id="kind-error">
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {err('kind')?.text}
          </span>
        ) : null}
        <select className="form-select" id="kind" name="kind" defaultValue={values.kind || 'guide'}>
          {Object.entries(resourceKindKeys).map(([kind, key]) => (
            <option key={kind} value={kind}>
              {t(key)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="title"
        label={t('knowledge.form.title')}
        defaultValue={values.title}
        maxLength={200}
        {...fieldError('title')}
      />
      <div className={`form-group${err('summary') ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="summary">
          {t('knowledge.form.summary')}
        </label>
        {err('summary') ? (
          <span className="form-error-message" id="summary-error">
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {err('summary')?.text}
          </span>
        ) : null}
        <textarea className="form-input" id="summary" name="summary" rows={3} defaultValue={values.summary} />
      </div>
      <div className={`form-group${err('body') ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="body">
          {t('knowledge.form.body')}
        </label>
        <span className="form-hint" id="body-hint">
          {t('knowledge.form.bodyHint')}
        </span>
        {err('body') ? (
          <span className="form-error-message" id="body-error">
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {err('body')?.text}
          </span>
        ) : null}
        <textarea
          className="form-input knowledge-textarea"
          id="body"
          name="body"
          rows={14}
          aria-describedby="body-hint"
          defaultValue={values.body}
        />
      </div>
      <TextField
        id="url"
        type="url"
        label={t('knowledge.form.url')}
        hint={t('knowledge.form.urlHint')}
        defaultValue={values.url}
        maxLength={500}
        {...fieldError('url')}
      />
      <fieldset className={`form-group${err('audience') ? ' form-error' : ''}`}>
        <legend className="form-label">{t('knowledge.form.audience')}</legend>
        {err('audience') ? (
          <span className="form-error-message" id="audience">
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {err('audience')?.text}
          </span>
        ) : null}
        <ul className="nobullet-list">
          {Object.entries(audienceKeys).map(([audience, key]) => (
            <li key={audience}>
              <input
                className="form-radio radio-large"
                type="radio"
                id={`audience-${audience}`}
                name="audience"
                value={audience}
                defaultChecked={(values.audience || 'public') === audience}
              />
              <label htmlFor={`audience-${audience}`}>{t(key)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className={`form-group${err('focusAreas') ? ' form-error' : ''}`}>
        <legend className="form-label">{t('knowledge.form.focusAreas')}</legend>
        {err('focusAreas') ? (
          <span className="form-error-message" id="focusAreas">
            <span className="sr-only">{t('form.errorPrefix')} </span>
            {err('focusAreas')?.text}
          </span>
        ) : null}
        <ul className="nobullet-list">
          {focusAreas.map((area) => (
            <li key={area.slug}>
              <input
                className="form-checkbox"
                type="checkbox"
                id={`focusArea-${area.slug}`}
                name="focusAreas"
                value={area.slug}
                defaultChecked={values.focusAreas.includes(area.slug)}
              />
              <label htmlFor={`focusArea-${area.slug}`} lang={dataLang}>
                {area.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextField
        id="tags"
        label={t('knowledge.form.tags')}
        hint={t('knowledge.form.tagsHint')}
        defaultValue={values.tags}
        maxLength={900}
        {...fieldError('tags')}
      />
      <TextField
        id="note"
        label={t('knowledge.form.note')}
        hint={t('knowledge.form.noteHint')}
        defaultValue={values.note}
        maxLength={300}
        {...fieldError('note')}
      />
      <button type="submit" className="button button-primary">
        {submitLabel}
      </button>
    </Form>
  );
}

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** A field's changes: removed words struck through (<del>), added ones marked (<ins>). */
export function DiffText({ parts, lang }: { parts: DiffPart[]; lang?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <p className="knowledge-diff" lang={lang}>
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index}>
            <span className="sr-only">{t('knowledge.diff.added')} </span>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index}>
            <span className="sr-only">{t('knowledge.diff.removed')} </span>
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}
