import { describe, expect, it } from 'vitest';
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
});
