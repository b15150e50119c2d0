import { commonVolunteerLanguages } from '@brobygger/domain';
import { TextField } from '@brobygger/ui';
import { Form } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import type { AssociationFormValues } from '../lib/associations.server';
import { languageName } from '../lib/event-format';
import { CheckboxChoices, FocusAreaChoices } from './checkbox-choices';
import { FieldErrorText, FormErrorSummary, type FormErrors, useFieldError } from './form-errors';

/** Register or edit an association. A plain POST form: it works without JavaScript. */
export function AssociationForm({
  values,
  errors,
  focusAreas,
  submitLabel,
  intent,
}: {
  values: AssociationFormValues | null;
  errors: FormErrors | undefined;
  focusAreas: { slug: string; name: string }[];
  submitLabel: string;
  intent?: string;
}) {
  const { t, lng } = useTranslation();
  const field = useFieldError(errors);
  const fieldClass = (name: string) => (errors?.fields[name] ? 'form-group form-error' : 'form-group');
  const languages = [...new Set([...commonVolunteerLanguages, ...(values?.languages ?? [])])];
  return (
    <>
      <FormErrorSummary errors={errors} />
      <Form method="post" noValidate className="association-form">
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <TextField
          id="name"
          label={t('associationForm.name')}
          defaultValue={values?.name}
          maxLength={150}
          required
          {...field('name')}
        />
        <TextField
          id="cvr"
          label={t('associationForm.cvr')}
          hint={t('associationForm.cvrHint')}
          defaultValue={values?.cvr}
          inputMode="numeric"
          width="s"
          maxLength={20}
          {...field('cvr')}
        />
        <div className={fieldClass('description')}>
          <label className="form-label" htmlFor="description">
            {t('associationForm.description')}
          </label>
          <FieldErrorText errors={errors} name="description" />
          <textarea
            className="form-input input-width-xl"
            id="description"
            name="description"
            rows={6}
            maxLength={5000}
            defaultValue={values?.description}
            aria-describedby={errors?.fields.description ? 'description-error' : undefined}
          />
        </div>
        <TextField
          id="contactName"
          label={t('associationForm.contactName')}
          defaultValue={values?.contactName}
          autoComplete="name"
          maxLength={150}
          {...field('contactName')}
        />
        <TextField
          id="email"
          type="email"
          label={t('associationForm.email')}
          defaultValue={values?.email}
          autoComplete="email"
          maxLength={254}
          {...field('email')}
        />
        <TextField
          id="phone"
          type="tel"
          label={t('associationForm.phone')}
          defaultValue={values?.phone}
          autoComplete="tel"
          width="m"
          maxLength={30}
          {...field('phone')}
        />
        <TextField
          id="website"
          type="url"
          label={t('associationForm.website')}
          defaultValue={values?.website}
          maxLength={300}
          {...field('website')}
        />
        <TextField
          id="address"
          label={t('associationForm.address')}
          defaultValue={values?.address}
          autoComplete="street-address"
          maxLength={300}
          {...field('address')}
        />
        <CheckboxChoices
          name="languages"
          legend={t('associationForm.languages')}
          idPrefix="language"
          choices={languages.map((code) => ({
            value: code,
            label: languageName(code, lng),
            checked: values?.languages.includes(code) ?? false,
          }))}
          errors={errors}
        />
        <FocusAreaChoices
          legend={t('associationForm.focusAreas')}
          focusAreas={focusAreas}
          checked={values?.focusAreas}
          errors={errors}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
