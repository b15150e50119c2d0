/**
 * QR codes as inline SVG (made with `qrcode`): the participant's confirmation page shows one for
 * their check-in code, and staff scan it with a phone camera to open the check-in form with the
 * code filled in. Inline SVG needs no image request, no JavaScript and scales crisply; it carries
 * role="img" and a text label, and the code is always printed beside it for those who cannot scan.
 */
import QRCode from 'qrcode';

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * An `<svg>` element that encodes `payload`, labelled `label` for assistive technology.
 * Error correction M (15 %) and the standard quiet zone of 4 modules.
 */
export async function qrCodeSvg(payload: string, label: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg
    .trim()
    .replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" class="qr-code" `,
    );
}

/** The address a check-in QR code opens: the event's participant page with the code filled in. */
export function checkInUrl(publicOrigin: string, eventId: number | string, code: string): string {
  const url = new URL(`/arrangementer/${encodeURIComponent(String(eventId))}/deltagere`, publicOrigin);
  url.searchParams.set('kode', code);
  return url.toString();
}
