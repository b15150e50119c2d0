/**
 * Check-in codes (issue 9, "on the day"): each registration gets a short code that the
 * participant shows (as text and as a QR code) and staff enter or scan at the door. Eight
 * characters of Crockford's base32 (no I, L, O or U, so nothing is mistaken when read aloud or
 * typed) from the platform's CSPRNG (Web Crypto, so the domain package stays usable in the browser bundle): 40 bits, so guessing one code of an event of 200 takes on
 * the order of 5·10⁹ tries — and only staff of that event can try at all.
 */
import { z } from 'zod';

export const checkInAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const checkInCodeLength = 8;

/** A fresh code, stored as 8 characters without the dash, e.g. "7K2QH9XM". */
/** A uniform random index into the 32-letter alphabet (256 is a multiple of 32: no bias). */
function randomIndex(max: number): number {
  const byte = globalThis.crypto.getRandomValues(new Uint8Array(1))[0] ?? 0;
  return byte % max;
}

export function generateCheckInCode(random: (max: number) => number = randomIndex): string {
  let code = '';
  for (let i = 0; i < checkInCodeLength; i += 1) code += checkInAlphabet[random(checkInAlphabet.length)];
  return code;
}

/** "7K2Q-H9XM" for people to read. */
export function formatCheckInCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What someone typed, as the stored form: case, spaces and dashes do not matter, and the letters
 * Crockford reads as digits (O → 0, I and L → 1) are taken as those digits. Null if it cannot be
 * a code.
 */
export function normaliseCheckInCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== checkInCodeLength) return null;
  for (const char of cleaned) if (!checkInAlphabet.includes(char)) return null;
  return cleaned;
}

/** The body of a check-in by code: the form's one field. */
export const checkInByCodeSchema = z
  .object({
    code: z
      .string({ error: 'Skriv deltagerens kode.' })
      .max(32, 'Koden er for lang.')
      .transform((value, ctx) => {
        const code = normaliseCheckInCode(value);
        if (!code) {
          ctx.addIssue({ code: 'custom', message: 'Koden har 8 tegn, fx 7K2Q-H9XM.' });
          return z.NEVER;
        }
        return code;
      }),
  })
  .strict();
