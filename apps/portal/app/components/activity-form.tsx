import { Form } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import type { ActivityFormValues } from '../lib/associations.server';
import { EventAudienceFields, EventCoreFields } from './event-fields';
import { FormErrorSummary, type FormErrors } from './form-errors';

/** An association posts an activity (an event of the type activity). Works without JavaScript. */
export function ActivityForm({
  values,
  errors,
  focusAreas,
  submitLabel,
}: {
  values: ActivityFormValues | null;
  errors: FormErrors | undefined;
  focusAreas: { slug: string; name: string }[];
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormErrorSummary errors={errors} />
      <Form method="post" noValidate className="event-form">
        <EventCoreFields values={values} errors={errors} />
        <EventAudienceFields values={values} errors={errors} focusAreas={focusAreas} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {submitLabel ?? t('activityForm.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
