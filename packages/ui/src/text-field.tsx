import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute } from 'react';

export interface TextFieldProps {
  id: string;
  name?: string;
  label: string;
  type?: HTMLInputTypeAttribute;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  defaultValue?: string | undefined;
  hint?: string | undefined;
  /** The field's error message; marks the field invalid and describes it. */
  error?: string | undefined;
  errorLang?: string | undefined;
  /** The screen-reader prefix of an error message, e.g. "Fejl:". */
  errorPrefix?: string;
  required?: boolean;
  inputMode?: 'text' | 'numeric' | 'email' | 'search';
  width?: 'xs' | 's' | 'm' | 'l' | 'xl';
  pattern?: string;
  maxLength?: number;
  spellCheck?: boolean;
}

/** A DKFDS form group: label, hint, error message and input, tied together for assistive technology. */
export function TextField({
  id,
  name = id,
  label,
  type = 'text',
  autoComplete,
  defaultValue,
  hint,
  error,
  errorLang,
  errorPrefix = 'Fejl:',
  required,
  inputMode,
  width = 'l',
  pattern,
  maxLength,
  spellCheck,
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{errorPrefix} </span>
          <span lang={errorLang}>{error}</span>
        </span>
      ) : null}
      <input
        className={`form-input input-width-${width}`}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        inputMode={inputMode}
        pattern={pattern}
        maxLength={maxLength}
        spellCheck={spellCheck}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
