import { describe, expect, it } from 'vitest';
import {
  activityModeration,
  createActivitySchema,
  createAssociationSchema,
  isValidCvr,
  keepsAnAdmin,
  spokenLanguageCodeSchema,
} from './associations.ts';
import { can } from './permissions.ts';

describe('CVR numbers', () => {
  it('accepts numbers that pass the modulus-11 check', () => {
    // Skanderborg Kommune and two more real numbers
    for (const cvr of ['29189722', '10103940', '25313763']) expect(isValidCvr(cvr), cvr).toBe(true);
  });
  it('refuses a wrong check digit, wrong length, letters and a leading zero', () => {
    for (const cvr of ['29189723', '1234567', '123456789', '2918972a', '01234567', '']) {
      expect(isValidCvr(cvr), cvr).toBe(false);
    }
  });
  it('reads spaces and an empty field in the schema', () => {
    const base = { name: 'Skakklubben' };
    expect(createAssociationSchema.parse({ ...base, cvr: '29 18 97 22' }).cvr).toBe('29189722');
    expect(createAssociationSchema.parse({ ...base, cvr: '' }).cvr).toBeNull();
    const failed = createAssociationSchema.safeParse({ ...base, cvr: '29189723' });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/kontrolcifferet/);
  });
});

describe('associations', () => {
  it('needs a name and refuses unknown fields and languages', () => {
    expect(createAssociationSchema.safeParse({}).success).toBe(false);
    expect(createAssociationSchema.safeParse({ name: 'Ok navn', owner: 'x' }).success).toBe(false);
    expect(createAssociationSchema.safeParse({ name: 'Ok navn', languages: ['xx'] }).success).toBe(false);
    expect(createAssociationSchema.safeParse({ name: 'x'.repeat(151) }).success).toBe(false);
    expect(createAssociationSchema.parse({ name: ' Ok navn ', languages: ['ti', 'PRS'] })).toMatchObject({
      name: 'Ok navn',
      languages: ['ti', 'prs'],
    });
  });

  it('knows Dari (prs) beside the ISO 639-1 codes and nothing made up', () => {
    for (const code of ['ar', 'ti', 'so', 'prs', 'fa', 'ku', 'uk', 'en', 'da']) {
      expect(spokenLanguageCodeSchema.safeParse(code).success, code).toBe(true);
    }
    for (const code of ['xx', 'zzz', 'dari', ''])
      expect(spokenLanguageCodeSchema.safeParse(code).success).toBe(false);
  });

  it('always keeps an admin', () => {
    const members = [
      { userId: 'a', role: 'admin' as const },
      { userId: 'b', role: 'member' as const },
    ];
    expect(keepsAnAdmin(members, { userId: 'a', role: 'member' })).toBe(false);
    expect(keepsAnAdmin(members, { userId: 'a', role: null })).toBe(false);
    expect(keepsAnAdmin(members, { userId: 'b', role: 'admin' })).toBe(true);
    expect(keepsAnAdmin([...members, { userId: 'c', role: 'admin' }], { userId: 'a', role: null })).toBe(
      true,
    );
  });

  it('moderates a pending association and a verified one’s first three activities', () => {
    expect(activityModeration({ verified: false }, 10)).toBe('moderate');
    expect(activityModeration({ verified: true }, 0)).toBe('moderate');
    expect(activityModeration({ verified: true }, 2)).toBe('moderate');
    expect(activityModeration({ verified: true }, 3)).toBe('publish');
  });

  it('takes an activity with the event rules but no type, organiser or status', () => {
    const activity = {
      title: 'Fodbold',
      startsAt: '2030-05-01T16:00:00+02:00',
      endsAt: '2030-05-01T18:00:00+02:00',
      address: 'Stadion Allé 1',
    };
    expect(createActivitySchema.safeParse(activity).success).toBe(true);
    expect(createActivitySchema.safeParse({ ...activity, status: 'published' }).success).toBe(false);
    expect(createActivitySchema.safeParse({ ...activity, typeId: 1 }).success).toBe(false);
    const backwards = createActivitySchema.safeParse({ ...activity, endsAt: '2030-05-01T15:00:00+02:00' });
    expect(backwards.error?.issues[0]?.path).toEqual(['endsAt']);
  });

  it('scopes association roles to their own association', () => {
    const member = { userId: 'u', grants: [{ role: 'association_member' as const, associationId: 7 }] };
    expect(can(member, 'association:post-activity', { associationId: 7 })).toBe(true);
    expect(can(member, 'association:post-activity', { associationId: 8 })).toBe(false);
    expect(can(member, 'event:participants', { associationId: 7 })).toBe(true);
    expect(can(member, 'event:participants', { associationId: 8 })).toBe(false);
    expect(can(member, 'association:manage', { associationId: 7 })).toBe(false);
    expect(can(member, 'volunteer:search')).toBe(false);
    const staff = { userId: 's', grants: [{ role: 'staff' as const }] };
    expect(can(staff, 'event:participants', { associationId: 8 })).toBe(true);
    expect(can(staff, 'activity:moderate')).toBe(true);
    expect(can(staff, 'association:post-activity', { associationId: 7 })).toBe(false);
  });
});
