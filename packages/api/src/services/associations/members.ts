import { newToken, secretMatches, splitToken } from '@brobygger/auth';
import {
  findAssociationBySlug,
  findInvitation,
  findUserById,
  insertInvitation,
  listMembers,
  lockAssociation,
  setMemberRole,
  useInvitation,
} from '@brobygger/db';
import { type AssociationRole, type InvitationInput, keepsAnAdmin } from '@brobygger/domain';
import { queueEmail } from '../../mail/send.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, forbidden, invalidToken, notFound, notSignedIn, UseCaseError } from '../errors.ts';
import { requirePermission } from './actor.ts';
import { invitationMessage } from './messages.ts';

export const invitationLifetimeMs = 14 * 24 * 60 * 60 * 1000;

async function associationOrNotFound(ctx: UseCaseContext, slug: string) {
  const association = await findAssociationBySlug(ctx.deps.db, slug);
  if (!association) throw notFound('Foreningen findes ikke.');
  return association;
}

/** An admin invites someone by email; the link makes the account with that address a member. */
export async function inviteMember(ctx: UseCaseContext, slug: string, input: InvitationInput) {
  const association = await associationOrNotFound(ctx, slug);
  await transaction(ctx, async (tx, db) => {
    await requirePermission(tx, 'association:manage', { associationId: association.id });
    const members = await listMembers(db, association.id);
    if (members.some((member) => member.email.toLowerCase() === input.email)) {
      throw new UseCaseError('conflict', 'Personen er allerede medlem af foreningen.', 409, {
        email: ['Personen er allerede medlem af foreningen'],
      });
    }
    const inviter = ctx.actorId ? await findUserById(db, ctx.actorId) : undefined;
    const { id, token, secretHash } = newToken();
    await insertInvitation(db, {
      id,
      association_id: association.id,
      email: input.email,
      role: input.role,
      secret_hash: secretHash,
      invited_by: ctx.actorId,
      expires_at: new Date(Date.now() + invitationLifetimeMs),
    });
    await queueEmail(
      tx.deps,
      invitationMessage(
        input.email,
        association.name,
        inviter?.display_name ?? 'En administrator',
        input.role,
        `${tx.deps.config.publicUrl}/foreninger/invitation/${token}`,
      ),
    );
    await audit(tx, {
      action: 'association.member-invited',
      targetType: 'association',
      targetId: String(association.id),
      details: { role: input.role },
    });
  });
}

async function genuineInvitation(ctx: UseCaseContext, token: string) {
  const parts = splitToken(token);
  if (!parts) throw invalidToken();
  const invitation = await findInvitation(ctx.deps.db, parts.id);
  if (!invitation || !secretMatches(parts.secret, invitation.secret_hash)) throw invalidToken();
  return invitation;
}

/** What an invitation link is about (shown before it is accepted); not its address in full. */
export async function readInvitation(ctx: UseCaseContext, token: string) {
  const invitation = await genuineInvitation(ctx, token);
  const [local = '', domain = ''] = invitation.email.split('@');
  return {
    association: { slug: invitation.slug, name: invitation.name },
    role: invitation.role,
    email: `${local.slice(0, 1)}…@${domain}`,
    usable: invitation.used_at === null && invitation.expires_at.getTime() > Date.now(),
  };
}

/** The invited account takes the invitation: once, and only with the address it was sent to. */
export async function acceptInvitation(ctx: UseCaseContext, token: string) {
  if (!ctx.actorId) throw notSignedIn();
  const userId = ctx.actorId;
  const invitation = await genuineInvitation(ctx, token);
  return transaction(ctx, async (tx, db) => {
    const user = await findUserById(db, userId);
    if (!user) throw notSignedIn();
    if (invitation.used_at !== null || invitation.expires_at.getTime() <= Date.now()) throw invalidToken();
    if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw forbidden(
        'Invitationen er sendt til en anden e-mailadresse. Log ind med den adresse, den blev sendt til.',
      );
    }
    if (!(await useInvitation(db, invitation.id, userId, new Date()))) throw invalidToken();
    await lockAssociation(db, invitation.association_id);
    const members = await listMembers(db, invitation.association_id);
    const current = members.find((member) => member.user_id === userId)?.role;
    // Never demote an admin by accepting a member invitation.
    const role: AssociationRole = current === 'admin' ? 'admin' : invitation.role;
    await setMemberRole(db, invitation.association_id, userId, role, null);
    await audit(tx, {
      action: 'association.member-joined',
      targetType: 'association',
      targetId: String(invitation.association_id),
      details: { role },
    });
    return { association: { slug: invitation.slug, name: invitation.name }, role };
  });
}

/**
 * An admin changes a member's role or removes them (role null); a member may leave (remove
 * themselves). The association always keeps at least one admin. To hand over the admin role,
 * make the other member admin, then step down.
 */
export async function changeMember(
  ctx: UseCaseContext,
  slug: string,
  userId: string,
  role: AssociationRole | null,
) {
  const association = await associationOrNotFound(ctx, slug);
  await transaction(ctx, async (tx, db) => {
    const leavingMyself = role === null && userId === ctx.actorId;
    if (!leavingMyself) await requirePermission(tx, 'association:manage', { associationId: association.id });
    await lockAssociation(db, association.id);
    const members = await listMembers(db, association.id);
    const member = members.find((item) => item.user_id === userId);
    if (!member) throw notFound('Personen er ikke medlem af foreningen.');
    if (member.role === role) return;
    const shape = members.map((item) => ({ userId: item.user_id, role: item.role }));
    if (!keepsAnAdmin(shape, { userId, role })) {
      throw conflict('Foreningen skal have mindst én administrator. Gør en anden til administrator først.');
    }
    await setMemberRole(db, association.id, userId, role, ctx.actorId);
    await audit(tx, {
      action: role === null ? 'association.member-removed' : 'association.member-role-changed',
      targetType: 'association',
      targetId: String(association.id),
      details: { member: userId, role },
    });
  });
}
