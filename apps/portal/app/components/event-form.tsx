import { commonEventLanguages } from '@brobygger/domain';
import { TextField } from '@brobygger/ui';
import { Form } from '@remix-run/react';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { languageName } from '../lib/event-format';
import type { EventFormValues } from '../lib/events.server';
import { FormErrorSummary, type FormErrors, useFieldError } from './form-errors';

const accessFacts = [
  ['stepFree', 'events.access.stepFree'],
  ['hearingLoop', 'events.access.hearingLoop'],
  ['interpreter', 'events.access.interpreter'],
  ['childcare', 'events.access.childcare'],
] as const satisfies readonly (readonly [keyof EventFormValues, MessageKey])[];

/** Create or edit an event (staff). A plain POST form: it works without JavaScript. */
export function EventForm({
  values,
  errors,
  eventTypes,
  focusAreas,
  isNew,
  extras,
}: {
  /** events-extras: recurrence fields (new) or the series scope (edit), before the buttons. */
  extras?: React.ReactNode;
  values: EventFormValues | null;
  errors: FormErrors | undefined;
  eventTypes: { id: number; name: string; nameEn: string }[];
  focusAreas: { slug: string; name: string }[];
  isNew: boolean;
}) {
  const { t, lng, dataLang } = useTranslation();
  const field = useFieldError(errors);
  const languages = [...new Set([...commonEventLanguages, ...(values?.languages ?? [])])];
  const fieldClass = (name: string) => (errors?.fields[name] ? 'form-group form-error' : 'form-group');
  const ErrorText = ({ name }: { name: string }) => {
    const error = field(name);
    return error.error ? (
      <span className="form-error-message" id={`${name}-error`}>
        <span className="sr-only">{error.errorPrefix} </span>
        <span lang={error.errorLang}>{error.error}</span>
      </span>
    ) : null;
  };
  return (
    <>
      <FormErrorSummary errors={errors} />
      <Form method="post" noValidate className="event-form">
        <div className={fieldClass('typeId')}>
          <label className="form-label" htmlFor="typeId">
            {t('eventForm.type')}
          </label>
          <ErrorText name="typeId" />
          <select
            className="form-select"
            id="typeId"
            name="typeId"
            defaultValue={values?.typeId ?? ''}
            aria-describedby={errors?.fields.typeId ? 'typeId-error' : undefined}
            required
          >
            {eventTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {lng === 'en' ? type.nameEn : type.name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="title"
          label={t('eventForm.title')}
          defaultValue={values?.title}
          maxLength={200}
          required
          {...field('title')}
        />
        <div className={fieldClass('description')}>
          <label className="form-label" htmlFor="description">
            {t('eventForm.description')}
          </label>
          <span className="form-hint" id="description-hint">
            {t('eventForm.descriptionHint')}
          </span>
          <ErrorText name="description" />
          <textarea
            className="form-input input-width-xl"
            id="description"
            name="description"
            rows={8}
            maxLength={20000}
            defaultValue={values?.description}
            aria-describedby={
              errors?.fields.description ? 'description-hint description-error' : 'description-hint'
            }
          />
        </div>
        <TextField
          id="startsAt"
          type="datetime-local"
          label={t('eventForm.startsAt')}
          hint={t('eventForm.timeHint')}
          defaultValue={values?.startsAt}
          width="m"
          required
          {...field('startsAt')}
        />
        <TextField
          id="endsAt"
          type="datetime-local"
          label={t('eventForm.endsAt')}
          hint={t('eventForm.timeHint')}
          defaultValue={values?.endsAt}
          width="m"
          required
          {...field('endsAt')}
        />
        <TextField
          id="address"
          label={t('eventForm.address')}
          hint={t('eventForm.placeHint')}
          defaultValue={values?.address}
          autoComplete="off"
          maxLength={300}
          {...field('address')}
        />
        <TextField
          id="onlineUrl"
          type="url"
          label={t('eventForm.onlineUrl')}
          defaultValue={values?.onlineUrl}
          maxLength={500}
          {...field('onlineUrl')}
        />
        <TextField
          id="capacity"
          label={t('eventForm.capacity')}
          hint={t('eventForm.capacityHint')}
          defaultValue={values?.capacity}
          inputMode="numeric"
          width="xs"
          {...field('capacity')}
        />
        <TextField
          id="signupDeadline"
          type="datetime-local"
          label={t('eventForm.signupDeadline')}
          hint={t('eventForm.signupDeadlineHint')}
          defaultValue={values?.signupDeadline}
          width="m"
          {...field('signupDeadline')}
        />
        <TextField
          id="organiserName"
          label={t('eventForm.organiserName')}
          defaultValue={values?.organiserName}
          maxLength={200}
          required
          {...field('organiserName')}
        />
        <fieldset className={fieldClass('languages')} id="languages">
          <legend className="form-label">{t('eventForm.languages')}</legend>
          <ErrorText name="languages" />
          <ul className="nobullet-list event-form__choices">
            {languages.map((code) => (
              <li key={code} className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`language-${code}`}
                  name="languages"
                  value={code}
                  defaultChecked={values?.languages.includes(code) ?? code === 'da'}
                />
                <label htmlFor={`language-${code}`}>{languageName(code, lng)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className={fieldClass('focusAreas')} id="focusAreas">
          <legend className="form-label">{t('eventForm.focusAreas')}</legend>
          <ErrorText name="focusAreas" />
          <ul className="nobullet-list event-form__choices">
            {focusAreas.map((area) => (
              <li key={area.slug} className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`focusArea-${area.slug}`}
                  name="focusAreas"
                  value={area.slug}
                  defaultChecked={values?.focusAreas.includes(area.slug) ?? false}
                />
                <label htmlFor={`focusArea-${area.slug}`} lang={dataLang}>
                  {area.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="form-group">
          <legend className="form-label">{t('events.accessibility')}</legend>
          <ul className="nobullet-list event-form__choices">
            {accessFacts.map(([name, label]) => (
              <li key={name} className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={name}
                  name={name}
                  defaultChecked={Boolean(values?.[name])}
                />
                <label htmlFor={name}>{t(label)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField
          id="reminderHours"
          label={t('eventForm.reminderHours')}
          defaultValue={values?.reminderHours ?? '48'}
          inputMode="numeric"
          width="xs"
          {...field('reminderHours')}
        />
        {isNew ? (
          <div className="form-group form-group-checkbox">
            <input
              className="form-checkbox"
              type="checkbox"
              id="publishNow"
              name="publishNow"
              defaultChecked={values?.publishNow ?? false}
            />
            <label htmlFor="publishNow">{t('eventForm.publishNow')}</label>
          </div>
        ) : null}
        {extras}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('eventForm.save')}
          </button>
        </div>
      </Form>
    </>
  );
}
