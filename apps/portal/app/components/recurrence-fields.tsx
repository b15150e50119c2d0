import { useTranslation } from '../i18n/use-translation';
import { FieldErrorText, type FormErrors, useFieldError } from './form-errors';

export interface RecurrenceValues {
  frequency: string;
  until: string;
  weekOfMonth: string;
}

/**
 * Recurrence of a new event (issue 9): how often, and until which date (required when it
 * repeats). Each occurrence becomes its own event with its own sign-ups and capacity.
 */
export function RecurrenceFields({
  values,
  errors,
}: {
  values?: RecurrenceValues;
  errors: FormErrors | undefined;
}) {
  const { t } = useTranslation();
  const field = useFieldError(errors);
  const error = field('recurrence');
  return (
    <fieldset className={error.error ? 'form-group form-error' : 'form-group'}>
      <legend className="form-label">{t('recurrence.legend')}</legend>
      <FieldErrorText errors={errors} name="recurrence" />
      <div className="form-group">
        <label className="form-label" htmlFor="recurrenceFrequency">
          {t('recurrence.frequency')}
        </label>
        <select
          className="form-select"
          id="recurrenceFrequency"
          name="recurrenceFrequency"
          defaultValue={values?.frequency ?? ''}
          aria-describedby={error.error ? 'recurrence-error' : undefined}
        >
          <option value="">{t('recurrence.none')}</option>
          <option value="weekly">{t('recurrence.weekly')}</option>
          <option value="every-other-week">{t('recurrence.everyOtherWeek')}</option>
          <option value="monthly-weekday">{t('recurrence.monthly')}</option>
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="recurrenceWeekOfMonth">
          {t('recurrence.weekOfMonth')}
        </label>
        <select
          className="form-select"
          id="recurrenceWeekOfMonth"
          name="recurrenceWeekOfMonth"
          defaultValue={values?.weekOfMonth ?? ''}
        >
          <option value="">{t('recurrence.sameWeek')}</option>
          <option value="-1">{t('recurrence.lastWeek')}</option>
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="recurrenceUntil">
          {t('recurrence.until')}
        </label>
        <span className="form-hint" id="recurrenceUntil-hint">
          {t('recurrence.untilHint')}
        </span>
        <input
          className="form-input input-width-s"
          type="date"
          id="recurrenceUntil"
          name="recurrenceUntil"
          defaultValue={values?.until ?? ''}
          aria-describedby="recurrenceUntil-hint"
        />
      </div>
    </fieldset>
  );
}

/** On an occurrence of a series: change this one, or this and the following ones. */
export function SeriesScopeField() {
  const { t } = useTranslation();
  return (
    <fieldset className="form-group">
      <legend className="form-label">{t('recurrence.scopeLegend')}</legend>
      <div className="form-group-radio">
        <input className="form-radio" type="radio" id="scope-this" name="scope" value="this" defaultChecked />
        <label htmlFor="scope-this">{t('recurrence.scopeThis')}</label>
      </div>
      <div className="form-group-radio">
        <input className="form-radio" type="radio" id="scope-following" name="scope" value="following" />
        <label htmlFor="scope-following">{t('recurrence.scopeFollowing')}</label>
      </div>
    </fieldset>
  );
}
