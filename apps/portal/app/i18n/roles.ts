import type { MessageKey } from './catalogue';

const roleKeys: Record<string, MessageKey> = {
  volunteer: 'roles.volunteer',
  association_member: 'roles.association_member',
  association_admin: 'roles.association_admin',
  staff: 'roles.staff',
  lead_owner: 'roles.lead_owner',
  steering_group: 'roles.steering_group',
  admin: 'roles.admin',
};

/** The catalogue key of a role's name; unknown roles fall back to a generic label. */
export function roleLabel(role: string): MessageKey {
  return roleKeys[role] ?? 'roles.unknown';
}
