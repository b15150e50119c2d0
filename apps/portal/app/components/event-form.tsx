import { TextField } from '@brobygger/ui';
import { Form } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import type { EventFormValues } from '../lib/events.server';
import { EventAudienceFields, EventCoreFields } from './event-fields';
import { FieldErrorText, FormErrorSummary, type FormErrors, useFieldError } from './form-errors';

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
  const { t, lng } = useTranslation();
  const field = useFieldError(errors);
  return (
    <>
      <FormErrorSummary errors={errors} />
      <Form method="post" noValidate className="event-form">
        <div className={errors?.fields.typeId ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor="typeId">
            {t('eventForm.type')}
          </label>
          <FieldErrorText errors={errors} name="typeId" />
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
        <EventCoreFields values={values} errors={errors} />
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
        <EventAudienceFields values={values} errors={errors} focusAreas={focusAreas} />
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
