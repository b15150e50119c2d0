import { useTranslation } from '../i18n/use-translation';
import { FieldErrorText, type FormErrors } from './form-errors';

export interface CheckboxChoice {
  value: string;
  label: string;
  checked: boolean;
  /** The label's language where it differs from the page's (names from the API on English pages). */
  lang?: string | undefined;
}

/**
 * A field of several checkboxes with one name (languages, focus areas, skills…): a fieldset named by
 * its legend, with the field's error under it. The fieldset's id is the field's name, which the
 * error summary links to; each box is `${idPrefix}-${value}`.
 */
export function CheckboxChoices({
  name,
  legend,
  idPrefix,
  choices,
  errors,
}: {
  name: string;
  legend: string;
  idPrefix: string;
  choices: readonly CheckboxChoice[];
  errors: FormErrors | undefined;
}) {
  return (
    <fieldset className={errors?.fields[name] ? 'form-group form-error' : 'form-group'} id={name}>
      <legend className="form-label">{legend}</legend>
      <FieldErrorText errors={errors} name={name} />
      <ul className="nobullet-list event-form__choices">
        {choices.map((choice) => (
          <li key={choice.value} className="form-group-checkbox">
            <input
              className="form-checkbox"
              type="checkbox"
              id={`${idPrefix}-${choice.value}`}
              name={name}
              value={choice.value}
              defaultChecked={choice.checked}
            />
            <label htmlFor={`${idPrefix}-${choice.value}`} lang={choice.lang}>
              {choice.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The policy's focus areas to tick (`focusAreas`): an event's, an activity's, an association's. */
export function FocusAreaChoices({
  legend,
  focusAreas,
  checked,
  errors,
}: {
  legend: string;
  focusAreas: readonly { slug: string; name: string }[];
  checked: readonly string[] | undefined;
  errors: FormErrors | undefined;
}) {
  const { dataLang } = useTranslation();
  return (
    <CheckboxChoices
      name="focusAreas"
      legend={legend}
      idPrefix="focusArea"
      choices={focusAreas.map((area) => ({
        value: area.slug,
        label: area.name,
        checked: checked?.includes(area.slug) ?? false,
        lang: dataLang,
      }))}
      errors={errors}
    />
  );
}
