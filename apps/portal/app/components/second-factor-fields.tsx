import { TextField } from '@brobygger/ui';
import { useTranslation } from '../i18n/use-translation';
import type { useFieldError } from './form-errors';

/**
 * The second factor where a form asks for it (signing in, turning two-factor off): a code from
 * the authenticator app, or, behind a disclosure, an unused recovery code.
 */
export function SecondFactorFields({
  code,
  recoveryCode,
  fieldError,
}: {
  /** The code field's id and form name (the name is also its key in the form's errors). */
  code: { id: string; name: string };
  recoveryCode: { id: string; name: string };
  fieldError: ReturnType<typeof useFieldError>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={code.id}
        name={code.name}
        label={t('login.totpCode')}
        hint={t('login.totpCodeHint')}
        autoComplete="one-time-code"
        inputMode="numeric"
        width="s"
        maxLength={6}
        {...fieldError(code.name)}
      />
      <details className="details">
        <summary className="details-summary">
          <span className="details-summary-text">{t('login.useRecoveryCode')}</span>
        </summary>
        <div className="details-text">
          <TextField
            id={recoveryCode.id}
            name={recoveryCode.name}
            label={t('login.recoveryCode')}
            hint={t('login.recoveryCodeHint')}
            autoComplete="off"
            spellCheck={false}
            width="m"
            {...fieldError(recoveryCode.name)}
          />
        </div>
      </details>
    </>
  );
}
