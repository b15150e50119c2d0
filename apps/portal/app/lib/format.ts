import { type Language, locales } from '../i18n';
import { dateTimeFormat, listFormat } from './intl';

/** "marts og september" / "March and September" for the months 3 and 9. */
export function formatMonths(months: readonly number[], lng: Language): string {
  const monthName = dateTimeFormat(locales[lng], { month: 'long', timeZone: 'UTC' });
  const names = months.map((month) => monthName.format(new Date(Date.UTC(2000, month - 1, 15))));
  return formatList(names, lng);
}

export function formatList(items: readonly string[], lng: Language): string {
  return listFormat(locales[lng], { style: 'long', type: 'conjunction' }).format(items);
}

/** A calendar date given as YYYY-MM-DD, e.g. "26. november 2026". */
export function formatDate(isoDate: string, lng: Language): string {
  return dateTimeFormat(locales[lng], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** A moment (ISO 8601) as Copenhagen's clock shows it, e.g. "26. nov. 2026 20.15". */
export function formatDateTime(iso: string, lng: Language): string {
  return dateTimeFormat(locales[lng], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso));
}
