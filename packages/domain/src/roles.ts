import { z } from 'zod';

/** Every role. Association roles are per association, the lead owner role per focus area. */
export const roles = [
  'volunteer',
  'association_member',
  'association_admin',
  'staff',
  'lead_owner',
  'steering_group',
  'admin',
] as const;
export const roleSchema = z.enum(roles, { error: 'Ukendt rolle' });
export type Role = z.infer<typeof roleSchema>;

export interface RoleGrant {
  role: Role;
  /** lead_owner: the focus area it owns. */
  focusArea?: string | null;
  /** association_member / association_admin: the association. */
  associationId?: number | null;
}

export const roleGrantSchema = z
  .strictObject({
    role: roleSchema,
    focusArea: z.string().max(100).nullish(),
    associationId: z.number().int().positive().max(2_147_483_647).nullish(),
  })
  .superRefine((grant, ctx) => {
    const needsFocusArea = grant.role === 'lead_owner';
    const needsAssociation = grant.role === 'association_member' || grant.role === 'association_admin';
    if (needsFocusArea && !grant.focusArea) {
      ctx.addIssue({ code: 'custom', path: ['focusArea'], message: 'En tovholder skal have et fokusområde' });
    }
    if (!needsFocusArea && grant.focusArea) {
      ctx.addIssue({ code: 'custom', path: ['focusArea'], message: 'Kun tovholdere har et fokusområde' });
    }
    if (needsAssociation && !grant.associationId) {
      ctx.addIssue({ code: 'custom', path: ['associationId'], message: 'Rollen skal have en forening' });
    }
    if (!needsAssociation && grant.associationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['associationId'],
        message: 'Kun foreningsroller har en forening',
      });
    }
  });
