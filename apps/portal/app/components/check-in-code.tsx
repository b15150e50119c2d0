import { useTranslation } from '../i18n/use-translation';

/**
 * The participant's check-in code, as text and as a QR code. The SVG is made by the API (the
 * `qrcode` library: only <svg> and <path> elements, with role="img" and a label), never from
 * anything a user typed.
 */
export function CheckInCode({ code, qrSvg }: { code: string; qrSvg: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="check-in-heading" className="check-in-code">
      <h2 id="check-in-heading">{t('checkIn.codeHeading')}</h2>
      <p className="check-in-code__text">{code}</p>
      <div className="check-in-code__qr" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="form-hint">{t('checkIn.codeHint')}</p>
    </section>
  );
}
