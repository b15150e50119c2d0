import { describe, expect, it } from 'vitest';
import {
  audienceReaderKeys,
  canReadAudience,
  findMentions,
  needsReview,
  readableAudiences,
} from './knowledge.ts';
import { type Actor, actions, can } from './permissions.ts';
import type { Role } from './roles.ts';

const actor = (role: Role, extra: { focusArea?: string; associationId?: number } = {}): Actor => ({
  userId: `user-${role}`,
  grants: [{ role: 'volunteer' }, { role, ...extra }],
});

describe('can', () => {
  it('lets anyone read the policy and published events, sign up as a guest, and nothing else', () => {
    const publicActions = [
      'policy:read',
      'event:read',
      'event:guest-register',
      // Search (issue 12): anyone searches; reader keys limit what they find.
      'search:read',
      // Knowledge (issue 11): reading; each resource's audience is checked by the use case.
      'resource:read',
      'forum:read',
    ];
    for (const action of actions) expect(can(null, action), action).toBe(publicActions.includes(action));
  });

  it('keeps administration to admins', () => {
    for (const role of ['volunteer', 'staff', 'steering_group', 'association_admin', 'lead_owner'] as const) {
      for (const action of [
        'users:list',
        'users:manage-roles',
        'users:disable',
        'audit:read',
        'jobs:read',
        'jobs:retry',
      ] as const) {
        expect(
          can(actor(role, { focusArea: 'kvinder', associationId: 1 }), action),
          `${role} ${action}`,
        ).toBe(false);
      }
    }
    expect(can(actor('admin'), 'users:disable', { ownerId: 'someone' })).toBe(true);
    expect(can(actor('admin'), 'jobs:read')).toBe(true);
    expect(can(actor('admin'), 'jobs:retry')).toBe(true);
  });

  it('does not let an admin disable their own account', () => {
    expect(can(actor('admin'), 'users:disable', { ownerId: 'user-admin' })).toBe(false);
  });

  it('scopes lead owners to their own focus area', () => {
    const lead = actor('lead_owner', { focusArea: 'kvinder' });
    expect(can(lead, 'status-report:file', { focusArea: 'kvinder' })).toBe(true);
    expect(can(lead, 'status-report:file', { focusArea: 'unge-maend' })).toBe(false);
  });

  it('scopes association admins to their association', () => {
    const admin = actor('association_admin', { associationId: 7 });
    expect(can(admin, 'association:manage', { associationId: 7 })).toBe(true);
    expect(can(admin, 'association:manage', { associationId: 8 })).toBe(false);
    expect(
      can(actor('association_member', { associationId: 7 }), 'association:manage', { associationId: 7 }),
    ).toBe(false);
  });

  it('lets a user manage only their own sessions', () => {
    expect(can(actor('volunteer'), 'sessions:manage-own', { ownerId: 'user-volunteer' })).toBe(true);
    expect(can(actor('volunteer'), 'sessions:manage-own', { ownerId: 'user-other' })).toBe(false);
  });

  it('denies an action it does not know', () => {
    expect(can(actor('admin'), 'launch:rockets' as never)).toBe(false);
  });

  it('lets staff and admins run events, and any signed-in user sign up and cancel their own', () => {
    for (const role of ['staff', 'admin'] as const) {
      expect(can(actor(role), 'event:manage'), role).toBe(true);
      expect(can(actor(role), 'event:participants'), role).toBe(true);
    }
    for (const role of ['volunteer', 'steering_group', 'association_admin', 'lead_owner'] as const) {
      const user = actor(role, { focusArea: 'kvinder', associationId: 1 });
      expect(can(user, 'event:manage'), role).toBe(false);
      // Issue 10: association roles see the participants of their own association's activities only.
      expect(can(user, 'event:participants', { associationId: 2 }), role).toBe(false);
      expect(can(user, 'event:register'), role).toBe(true);
      expect(can(user, 'calendar-feed:manage-own'), role).toBe(true);
    }
    const volunteer = actor('volunteer');
    expect(can(volunteer, 'event:cancel-own-registration', { ownerId: 'user-volunteer' })).toBe(true);
    expect(can(volunteer, 'event:cancel-own-registration', { ownerId: 'user-other' })).toBe(false);
    expect(can(null, 'event:register')).toBe(false);
  });
});

describe('status reports (issue 13)', () => {
  const lead = actor('lead_owner', { focusArea: 'kvinder' });
  it('lets only the area’s lead owner edit; not another area’s lead owner, not the steering group or admin', () => {
    expect(can(lead, 'status:edit', { focusArea: 'kvinder' })).toBe(true);
    expect(can(lead, 'status:edit', { focusArea: 'unge-maend' })).toBe(false);
    for (const role of ['admin', 'steering_group', 'staff', 'volunteer'] as const) {
      expect(can(actor(role), 'status:edit', { focusArea: 'kvinder' }), role).toBe(false);
    }
    expect(can(null, 'status:edit', { focusArea: 'kvinder' })).toBe(false);
  });
  it('lets the steering group and admins read everything and review; staff read submitted reports', () => {
    for (const role of ['admin', 'steering_group'] as const) {
      expect(can(actor(role), 'status:review'), role).toBe(true);
      expect(can(actor(role), 'status:read-area', { focusArea: 'kvinder' }), role).toBe(true);
    }
    expect(can(lead, 'status:read-area', { focusArea: 'kvinder' })).toBe(true);
    expect(can(lead, 'status:read-area', { focusArea: 'unge-maend' })).toBe(false);
    expect(can(lead, 'status:review')).toBe(false);
    expect(can(actor('staff'), 'status:read-submitted')).toBe(true);
    expect(can(actor('staff'), 'status:review')).toBe(false);
    expect(can(actor('staff'), 'status:read-area', { focusArea: 'kvinder' })).toBe(false);
    expect(can(actor('volunteer'), 'status:read-submitted')).toBe(false);
    expect(can(actor('association_admin', { associationId: 1 }), 'status:read-submitted')).toBe(false);
  });
  it('lets a report’s files reach its area, the reviewers and staff, never another area’s lead owner', () => {
    expect(can(lead, 'status:read-files', { focusArea: 'kvinder' })).toBe(true);
    expect(can(lead, 'status:read-files', { focusArea: 'unge-maend' })).toBe(false);
    // Another area's lead owner reads a submitted report's text, but not its files.
    expect(can(lead, 'status:read-submitted')).toBe(true);
    for (const role of ['admin', 'steering_group', 'staff'] as const) {
      expect(can(actor(role), 'status:read-files', { focusArea: 'kvinder' }), role).toBe(true);
    }
    for (const role of ['volunteer', 'association_admin'] as const) {
      expect(can(actor(role), 'status:read-files', { focusArea: 'kvinder' }), role).toBe(false);
    }
    expect(can(null, 'status:read-files', { focusArea: 'kvinder' })).toBe(false);
  });
});

// Knowledge (issue 11)
describe('knowledge permissions and audiences', () => {
  const member = (...roles: Role[]): Actor => ({ userId: 'u1', grants: roles.map((role) => ({ role })) });
  it('lets staff write the library and moderate; anyone signed in suggests, posts, flags and follows', () => {
    for (const action of ['resource:manage', 'forum:moderate'] as const) {
      expect(can(member('staff'), action)).toBe(true);
      expect(can(member('admin'), action)).toBe(true);
      expect(can(member('volunteer'), action)).toBe(false);
      expect(can(member('lead_owner'), action)).toBe(false);
    }
    for (const action of ['resource:suggest', 'forum:post', 'forum:flag', 'forum:follow'] as const) {
      expect(can(member(), action)).toBe(true);
      expect(can(null, action)).toBe(false);
    }
  });
  it('lets only the author (or staff) edit a post and only the asker (or staff) accept an answer', () => {
    expect(can(member(), 'forum:edit-post', { ownerId: 'u1' })).toBe(true);
    expect(can(member(), 'forum:edit-post', { ownerId: 'u2' })).toBe(false);
    expect(can(member('staff'), 'forum:edit-post', { ownerId: 'u2' })).toBe(true);
    expect(can(member(), 'forum:accept-answer', { ownerId: 'u2' })).toBe(false);
    expect(can(member('admin'), 'forum:accept-answer', { ownerId: 'u2' })).toBe(true);
  });
  it('maps roles to the audiences they read, and audiences to search reader keys', () => {
    expect(readableAudiences(null)).toEqual(['public']);
    expect(readableAudiences(member('volunteer'))).toEqual(['public', 'volunteers']);
    expect(readableAudiences(member('association_member'))).toEqual(['public', 'associations']);
    expect(readableAudiences(member('steering_group'))).toEqual(['public']);
    expect(readableAudiences(member('staff'))).toEqual(['public', 'volunteers', 'associations', 'staff']);
    expect(canReadAudience(member('volunteer'), 'staff')).toBe(false);
    expect(audienceReaderKeys('staff')).toEqual(['role:staff']);
    expect(audienceReaderKeys('volunteers')).toEqual(['role:volunteer', 'role:staff']);
  });
  it('finds mentions of resources and events, once each, and nothing else', () => {
    expect(
      findMentions(
        'Se [[viden:tolk]], [[arrangement:42]], [[viden:tolk]], [[arrangement:abc]] og [[andet:x]].',
      ),
    ).toEqual([
      { kind: 'resource', ref: 'tolk' },
      { kind: 'event', ref: '42' },
    ]);
  });
  it('says a resource needs review after a year without one', () => {
    const now = new Date('2027-06-01T00:00:00Z');
    expect(needsReview(null, now)).toBe(true);
    expect(needsReview(new Date('2026-05-01T00:00:00Z'), now)).toBe(true);
    expect(needsReview(new Date('2026-07-01T00:00:00Z'), now)).toBe(false);
  });
});
