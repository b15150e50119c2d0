import { describe, expect, it } from 'vitest';
import {
  eventHours,
  volunteerMatchScore,
  volunteerProfileSchema,
  volunteerSearchQuerySchema,
} from './volunteers.ts';

describe('the volunteer profile', () => {
  it('takes languages with levels, slots, skills and consent', () => {
    const profile = volunteerProfileSchema.parse({
      skills: ['interpreting'],
      languages: [
        { language: 'ti', level: 'native' },
        { language: 'prs', level: 'good' },
      ],
      availability: ['tue-evening', 'sat-morning'],
      consent: true,
    });
    expect(profile).toMatchObject({ skillsOther: '', presentation: '', interests: [], consent: true });
  });

  it('refuses an unknown language, level, slot or skill, a language twice and unknown fields', () => {
    const bad = [
      { languages: [{ language: 'xx', level: 'good' }] },
      { languages: [{ language: 'ar', level: 'perfect' }] },
      {
        languages: [
          { language: 'ar', level: 'good' },
          { language: 'ar', level: 'basic' },
        ],
      },
      { availability: ['tue-night'] },
      { skills: ['juggling'] },
      { presentation: 'x'.repeat(2001) },
      { consent: 'yes' },
      { userId: 'someone' },
    ];
    for (const input of bad)
      expect(volunteerProfileSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });

  it('reads the search filters from a query string', () => {
    expect(volunteerSearchQuerySchema.parse({ language: 'TI', level: '', page: '2' })).toMatchObject({
      language: 'ti',
      page: 2,
    });
    expect(volunteerSearchQuerySchema.safeParse({ language: 'klingon' }).success).toBe(false);
  });
});

describe('matching', () => {
  it('ranks covering more asked languages first, then the level, interests and experience', () => {
    const asked = ['ti', 'ar'];
    const both = volunteerMatchScore(
      asked,
      [
        { language: 'ti', level: 'basic' },
        { language: 'ar', level: 'basic' },
      ],
      0,
      0,
    );
    const nativeOne = volunteerMatchScore(asked, [{ language: 'ti', level: 'native' }], 5, 9);
    const goodOne = volunteerMatchScore(asked, [{ language: 'ti', level: 'good' }], 0, 0);
    const none = volunteerMatchScore(asked, [{ language: 'da', level: 'native' }], 5, 5);
    expect(both).toBeGreaterThan(nativeOne);
    expect(nativeOne).toBeGreaterThan(goodOne);
    expect(none).toBe(0);
    expect(volunteerMatchScore(['ti'], [{ language: 'ti', level: 'good' }], 1, 0)).toBeGreaterThan(
      volunteerMatchScore(['ti'], [{ language: 'ti', level: 'good' }], 0, 3),
    );
  });

  it('counts hours to the quarter', () => {
    expect(eventHours(new Date('2030-01-01T10:00Z'), new Date('2030-01-01T12:20Z'))).toBe(2.25);
  });
});
