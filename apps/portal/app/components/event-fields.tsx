import { commonEventLanguages } from '@brobygger/domain';
import { TextField } from '@brobygger/ui';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { languageName } from '../lib/event-format';
import type { EventFieldValues } from '../lib/events.server';
import { CheckboxChoices, FocusAreaChoices } from './checkbox-choices';
import { FieldErrorText, type FormErrors, useFieldError } from './form-errors';

// The fields an event (staff, components/event-form.tsx) and an association's activity
// (components/activity-form.tsx) share: an activity takes the event's own fields and rules
// (ADR 0017). Their names are the API's, and the ids the error summary links to.

const accessFacts = [
  ['stepFree', 'events.access.stepFree'],
  ['hearingLoop', 'events.access.hearingLoop'],
  ['interpreter', 'events.access.interpreter'],
  ['childcare', 'events.access.childcare'],
] as const satisfies readonly (readonly [keyof EventFieldValues, MessageKey])[];

interface FieldsProps {
  values: EventFieldValues | null;
  errors: FormErrors | undefined;
}

/** What, when and where: title, description, start and end, address or link, and capacity. */
export function EventCoreFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation();
  const field = useFieldError(errors);
  return (
    <>
      <TextField
        id="title"
        label={t('eventForm.title')}
        defaultValue={values?.title}
        maxLength={200}
        required
        {...field('title')}
      />
      <div className={errors?.fields.description ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor="description">
          {t('eventForm.description')}
        </label>
        <span className="form-hint" id="description-hint">
          {t('eventForm.descriptionHint')}
        </span>
        <FieldErrorText errors={errors} name="description" />
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
    </>
  );
}

/** Who it is for: its languages (Danish ticked on a new one), focus areas and accessibility. */
export function EventAudienceFields({
  values,
  errors,
  focusAreas,
}: FieldsProps & { focusAreas: { slug: string; name: string }[] }) {
  const { t, lng } = useTranslation();
  const languages = [...new Set([...commonEventLanguages, ...(values?.languages ?? [])])];
  return (
    <>
      <CheckboxChoices
        name="languages"
        legend={t('eventForm.languages')}
        idPrefix="language"
        choices={languages.map((code) => ({
          value: code,
          label: languageName(code, lng),
          checked: values?.languages.includes(code) ?? code === 'da',
        }))}
        errors={errors}
      />
      <FocusAreaChoices
        legend={t('eventForm.focusAreas')}
        focusAreas={focusAreas}
        checked={values?.focusAreas}
        errors={errors}
      />
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
    </>
  );
}
