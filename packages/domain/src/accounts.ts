import { z } from 'zod';

export const emailMaxLength = 254;
export const passwordMinLength = 8;
export const passwordMaxLength = 128;

// Plain ASCII addresses only (internationalised domains in their xn-- form). Look-alike letters,
// zero-width and direction-changing characters are refused instead of silently normalised, so
// two accounts can never look the same.
const emailPattern =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** An email address, trimmed and lower-cased: the account's identity. */
export const emailSchema = z
  .string({ error: 'Skriv en e-mailadresse' })
  .max(emailMaxLength, `E-mailadressen må højst være ${emailMaxLength} tegn`)
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'Skriv en e-mailadresse')
      .refine(
        (value) => !/[^\x20-\x7e]/.test(value),
        'E-mailadressen må kun indeholde almindelige tegn (a–z, 0–9)',
      )
      .refine((value) => (value.split('@')[0]?.length ?? 0) <= 64, 'Delen før @ må højst være 64 tegn')
      .regex(emailPattern, 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk'),
  );

/** Length in Unicode code points, as a person counts characters. */
const codePoints = (value: string) => [...value].length;

export const passwordSchema = z
  .string({ error: 'Skriv en adgangskode' })
  .refine(
    (value) => codePoints(value) >= passwordMinLength,
    `Adgangskoden skal være mindst ${passwordMinLength} tegn`,
  )
  .refine(
    (value) => codePoints(value) <= passwordMaxLength,
    `Adgangskoden må højst være ${passwordMaxLength} tegn`,
  );

export const displayNameSchema = z
  .string({ error: 'Skriv dit navn' })
  .max(100, 'Navnet må højst være 100 tegn')
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'Skriv dit navn')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
      .refine((value) => !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(value), {
        message: 'Navnet indeholder tegn, der ikke er tilladt',
      }),
  );

export const registerSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Koden er 6 cifre');

export const recoveryCodeSchema = z
  .string()
  .trim()
  .max(32, 'Gendannelseskoden er for lang')
  .transform((value) => value.toLowerCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[a-z2-7]{10,16}$/, 'Gendannelseskoden er ikke gyldig'));

export const loginSchema = z.strictObject({
  email: emailSchema,
  // Checked for length only: an old password must still be able to fail properly.
  password: z
    .string({ error: 'Skriv din adgangskode' })
    .min(1, 'Skriv din adgangskode')
    .max(passwordMaxLength * 4, 'Adgangskoden er for lang'),
  totpCode: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** Single-use tokens in links: `<id>.<secret>` in base32. */
export const linkTokenSchema = z
  .string({ error: 'Linket mangler sin kode' })
  .max(200, 'Linkets kode er ikke gyldig')
  .regex(/^[a-z2-7]{16,64}\.[a-z2-7]{16,64}$/, 'Linkets kode er ikke gyldig');

export const verifyEmailSchema = z.strictObject({ token: linkTokenSchema });
export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export const passwordResetSchema = z.strictObject({ token: linkTokenSchema, password: passwordSchema });
export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'Skriv din nuværende adgangskode' })
    .min(1)
    .max(passwordMaxLength * 4),
  newPassword: passwordSchema,
});
export const enableTotpSchema = z.strictObject({ code: totpCodeSchema });
/** Turning two-factor off needs the password and a current code from the app (or a recovery code). */
export const disableTotpSchema = z
  .strictObject({
    password: z
      .string({ error: 'Skriv din adgangskode' })
      .min(1, 'Skriv din adgangskode')
      .max(passwordMaxLength * 4),
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((input) => input.code !== undefined || input.recoveryCode !== undefined, {
    message: 'Skriv koden fra din godkendelsesapp eller en gendannelseskode',
    path: ['code'],
  });
export const deleteAccountSchema = z.strictObject({
  password: z
    .string({ error: 'Skriv din adgangskode' })
    .min(1, 'Skriv din adgangskode')
    .max(passwordMaxLength * 4),
});
