import { type Language, locales } from '../i18n';

const zone = 'Europe/Copenhagen';

// Intl objects are costly to make and free to reuse: one set per language, made on first use.
const formatters = new Map<
  Language,
  { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; full: Intl.DateTimeFormat; names: Intl.DisplayNames }
>();
function formattersFor(lng: Language) {
  let found = formatters.get(lng);
  if (!found) {
    const locale = locales[lng];
    found = {
      day: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone }),
      time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }),
      names: new Intl.DisplayNames([locale], { type: 'language' }),
    };
    formatters.set(lng, found);
  }
  return found;
}

/**
 * An event's time as Copenhagen's clock shows it: "mandag 7. december 2026, 17.00–19.00" on one
 * day, both ends in full when it runs over midnight. Right across daylight-saving changes.
 */
export function formatEventTime(startsAt: string, endsAt: string, lng: Language): string {
  const { day, time, full } = formattersFor(lng);
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const startDay = day.format(start);
  if (startDay === day.format(end)) return `${startDay}, ${time.format(start)}–${time.format(end)}`;
  return `${full.format(start)} – ${full.format(end)}`;
}

/** "arabisk" / "Arabic" for "ar"; the code itself when the runtime does not know it. */
export function languageName(code: string, lng: Language): string {
  try {
    return formattersFor(lng).names.of(code) ?? code;
  } catch {
    return code;
  }
}
