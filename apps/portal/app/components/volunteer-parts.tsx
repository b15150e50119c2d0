import { type LanguageLevel, partsOfDay, weekdays } from '@brobygger/domain';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { languageName } from '../lib/event-format';

// Associations and volunteers (issue 10): how a volunteer's languages and times are shown.

export const levelLabel = (level: LanguageLevel): MessageKey => `volunteer.level.${level}`;

export function SpokenLanguages({ languages }: { languages: { language: string; level: LanguageLevel }[] }) {
  const { t, lng } = useTranslation();
  if (languages.length === 0) return <>—</>;
  return (
    <>
      {languages
        .map((entry) => `${languageName(entry.language, lng)} (${t(levelLabel(entry.level))})`)
        .join(', ')}
    </>
  );
}

export function AvailabilityText({ slots }: { slots: readonly string[] }) {
  const { t } = useTranslation();
  if (slots.length === 0) return <>—</>;
  const text = weekdays.flatMap((day) => {
    const parts = partsOfDay.filter((part) => slots.includes(`${day}-${part}`));
    return parts.length === 0
      ? []
      : [`${t(`volunteer.day.${day}`)}: ${parts.map((part) => t(`volunteer.part.${part}`)).join(', ')}`];
  });
  return <>{text.join('; ')}</>;
}
