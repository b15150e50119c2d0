import { type Language, locales } from '../i18n';

const zone = 'Europe/Copenhagen';

/**
 * An event's time as Copenhagen's clock shows it: "mandag 7. december 2026, 17.00–19.00" on one
 * day, both ends in full when it runs over midnight. Right across daylight-saving changes.
 */
export function formatEventTime(startsAt: string, endsAt: string, lng: Language): string {
  const locale = locales[lng];
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (day.format(start) === day.format(end))
    return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
  return `${full.format(start)} – ${full.format(end)}`;
}

/** "arabisk" / "Arabic" for "ar"; the code itself when the runtime does not know it. */
export function languageName(code: string, lng: Language): string {
  try {
    return new Intl.DisplayNames([locales[lng]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
