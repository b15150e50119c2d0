import { useEffect, useRef } from 'react';
import { Icon } from './icon';

export interface ErrorSummaryItem {
  /** The id of the field the error is about; the summary links to it. Omitted for form-wide errors. */
  fieldId?: string;
  message: string;
  lang?: string | undefined;
}

export interface ErrorSummaryProps {
  heading: string;
  errors: readonly ErrorSummaryItem[];
}

/**
 * The DKFDS error summary at the top of a form: every problem, each linking to its field. It takes
 * focus when it appears, so keyboard and screen-reader users land on it: with JavaScript when the
 * errors change, and without it through `autofocus` on the page the server sends.
 */
export function ErrorSummary({ heading, errors }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      // biome-ignore lint/a11y/noAutofocus: moving focus to the error summary is the pattern (GOV.UK, DKFDS); without JavaScript only autofocus does it.
      autoFocus
    >
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-heading">{heading}</p>
        <ul className="alert-text nobullet-list">
          {errors.map((error) => (
            <li key={`${error.fieldId ?? ''}:${error.message}`} lang={error.lang}>
              {error.fieldId ? (
                <a className="function-link" href={`#${error.fieldId}`}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
