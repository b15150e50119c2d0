import { ErrorSummary } from '@brobygger/ui';
import { useMemo } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { FormErrors, FormMessage } from '../lib/form-errors';

export type { FormErrors, FormMessage };

/** The error summary at the top of a form, each field's error linking to `${idPrefix}${field}`. */
export function FormErrorSummary({
  errors,
  idPrefix = '',
}: {
  errors: FormErrors | undefined;
  idPrefix?: string;
}) {
  const { t, dataLang } = useTranslation();
  // The same list for the same answer: the summary takes focus only when a new answer arrives.
  const items = useMemo(
    () =>
      errors
        ? [
            ...errors.form.map((message) => ({
              message: message.text,
              lang: message.fromApi ? dataLang : undefined,
            })),
            ...Object.entries(errors.fields).map(([field, message]) => ({
              fieldId: `${idPrefix}${field}`,
              message: message.text,
              lang: message.fromApi ? dataLang : undefined,
            })),
          ]
        : [],
    [errors, idPrefix, dataLang],
  );
  if (items.length === 0) return null;
  return <ErrorSummary heading={t('form.errorSummaryHeading')} errors={items} />;
}

/** Props for a TextField's error: the message and its language. */
export function useFieldError(errors: FormErrors | undefined) {
  const { t, dataLang } = useTranslation();
  return (field: string) => {
    const message = errors?.fields[field];
    return {
      error: message?.text,
      errorLang: message?.fromApi ? dataLang : undefined,
      errorPrefix: t('form.errorPrefix'),
    };
  };
}

/** A field's error text under its label (for fieldsets and textareas), `${name}-error` to describe it. */
export function FieldErrorText({ errors, name }: { errors: FormErrors | undefined; name: string }) {
  const field = useFieldError(errors)(name);
  return field.error ? (
    <span className="form-error-message" id={`${name}-error`}>
      <span className="sr-only">{field.errorPrefix} </span>
      <span lang={field.errorLang}>{field.error}</span>
    </span>
  ) : null;
}
