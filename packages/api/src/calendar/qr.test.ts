// The QR code is rendered to pixels with resvg and decoded with jsQR — two libraries other than
// the one that made it — so the test proves a camera could read it.
import { formatCheckInCode, generateCheckInCode } from '@brobygger/domain';
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { checkInUrl, qrCodeSvg } from './qr.ts';

function decode(svg: string): string | null {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 400 }, background: '#ffffff' }).render();
  const result = jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height);
  return result?.data ?? null;
}

describe('qrCodeSvg', () => {
  it('encodes the check-in address so that another library decodes it from the rendered image', async () => {
    const code = generateCheckInCode();
    const payload = checkInUrl('https://brobygger.example', 17, code);
    expect(payload).toBe(`https://brobygger.example/arrangementer/17/deltagere?kode=${code}`);
    const svg = await qrCodeSvg(payload, `QR-kode til indtjekning: ${formatCheckInCode(code)}`);
    expect(decode(svg)).toBe(payload);
  });

  it('is one accessible inline <svg> element with a label and no script', async () => {
    const svg = await qrCodeSvg('ABC', 'Kode "A&B" <x>');
    expect(
      svg.startsWith('<svg role="img" aria-label="Kode &quot;A&amp;B&quot; &lt;x&gt;" focusable="false"'),
    ).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|on\w+=/i);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(decode(svg)).toBe('ABC');
  });

  it('a different payload gives a different image', async () => {
    const a = await qrCodeSvg('https://brobygger.example/arrangementer/1/deltagere?kode=AAAAAAAA', 'a');
    const b = await qrCodeSvg('https://brobygger.example/arrangementer/1/deltagere?kode=AAAAAAAB', 'a');
    expect(a).not.toBe(b);
    expect(decode(b)).toMatch(/kode=AAAAAAAB$/);
  });
});
