import { describe, expect, it } from 'vitest';
import { formatEventTime, languageName } from './event-format';

describe('event times in Europe/Copenhagen', () => {
  it('shows winter and summer times on Copenhagen’s clock', () => {
    expect(formatEventTime('2030-01-15T16:00:00Z', '2030-01-15T18:00:00Z', 'da')).toBe(
      'tirsdag den 15. januar 2030, 17.00–19.00',
    );
    expect(formatEventTime('2030-07-15T15:00:00Z', '2030-07-15T17:00:00Z', 'en')).toBe(
      'Monday, 15 July 2030, 17:00–19:00',
    );
  });

  it('is right on the night the clocks go back', () => {
    // 00:30 and 01:30 UTC are both 02:30 in Copenhagen on 27 October 2030.
    expect(formatEventTime('2030-10-26T23:00:00Z', '2030-10-27T01:30:00Z', 'en')).toBe(
      'Sunday, 27 October 2030, 01:00–02:30',
    );
  });

  it('names languages in the reader’s language', () => {
    expect(languageName('ar', 'da')).toBe('arabisk');
    expect(languageName('uk', 'en')).toBe('Ukrainian');
  });
});
