import {
  cvrTaken,
  deleteAssociationRow,
  findAssociationBySlug,
  focusAreaIdsBySlug,
  insertAssociation,
  listAssociationActivities,
  listEvents,
  listMembers,
  listMembershipsOf,
  listOpenInvitations,
  listPendingAssociations,
  listVerifiedAssociations,
  lockAssociation,
  setAssociationFocusAreas,
  setMemberRole,
  slugTaken,
  updateAssociationRow,
} from '@brobygger/db';
import {
  type AssociationListQuery,
  associationListPageSize,
  type CreateAssociationInput,
  can,
  slugify,
  type UpdateAssociationInput,
} from '@brobygger/domain';
import { queueEmail } from '../../mail/send.ts';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { type TransactionContext, transaction, type UseCaseContext } from '../context.ts';
import { forbidden, invalidField, notFound, notSignedIn } from '../errors.ts';
import { eventSummary } from '../events/views.ts';
import { currentActor, requirePermission } from './actor.ts';
import { associationVerifiedMessage } from './messages.ts';

/** The public list is a cached public read (ADR 0011): this process drops its copy at once. */
const publicListChanged = (ctx: UseCaseContext) => ctx.deps.publicCache?.invalidate();

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

async function focusAreaIds(tx: TransactionContext, slugs: string[]) {
  const ids = await focusAreaIdsBySlug(tx.deps.db, slugs);
  const unknown = slugs.filter((slug) => !ids.has(slug));
  if (unknown.length > 0) throw invalidField('focusAreas', `Ukendt fokusområde: ${unknown.join(', ')}`);
  return [...new Set(slugs.map((slug) => ids.get(slug) as number))];
}

async function uniqueSlug(tx: TransactionContext, name: string) {
  const base = slugify(name).slice(0, 80) || 'forening';
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(tx.deps.db, slug))) return slug;
  }
  throw invalidField('name', 'Vælg et andet navn');
}

/** Anyone signed in registers an association; it is pending until staff verify it. They are its admin. */
export async function registerAssociation(ctx: UseCaseContext, input: CreateAssociationInput) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const slug = await transaction(ctx, async (tx, db) => {
    if (input.cvr && (await cvrTaken(db, input.cvr))) {
      throw invalidField('cvr', 'En forening med det CVR-nummer er allerede oprettet');
    }
    const ids = await focusAreaIds(tx, input.focusAreas);
    const slug = await uniqueSlug(tx, input.name);
    const id = await insertAssociation(db, {
      slug,
      name: input.name,
      cvr: input.cvr ?? null,
      description: input.description,
      contact_name: input.contactName ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      website: input.website ?? null,
      address: input.address ?? null,
      languages: [...new Set(input.languages)],
      created_by: userId,
    });
    await setAssociationFocusAreas(db, id, ids);
    await setMemberRole(db, id, userId, 'admin', userId);
    await audit(tx, { action: 'association.registered', targetType: 'association', targetId: String(id) });
    await indexLater(db, 'association', id);
    return slug;
  });
  publicListChanged(ctx);
  return readAssociation(ctx, slug);
}

async function associationOrNotFound(ctx: UseCaseContext, slug: string) {
  const association = await findAssociationBySlug(ctx.deps.db, slug);
  if (!association) throw notFound('Foreningen findes ikke.');
  return association;
}

/**
 * One association. Everyone sees a verified one's profile and coming activities; a pending one
 * only its members and staff. Members (and staff) also get the members, open invitations and the
 * association's activities with their moderation state.
 */
export async function readAssociation(ctx: UseCaseContext, slug: string) {
  const association = await associationOrNotFound(ctx, slug);
  const actor = await currentActor(ctx);
  const insider = can(actor, 'association:read-members', { associationId: association.id });
  if (!association.verified_at && !insider) throw notFound('Foreningen findes ikke.');
  const coming = await listEvents(ctx.deps.db, {
    associationId: association.id,
    endsAfter: new Date(),
    limit: 50,
    offset: 0,
  });
  const profile = {
    id: association.id,
    slug: association.slug,
    name: association.name,
    cvr: association.cvr,
    description: association.description,
    contactName: association.contact_name,
    email: association.email,
    phone: association.phone,
    website: association.website,
    address: association.address,
    languages: association.languages,
    focusAreas: association.focus_areas,
    verified: association.verified_at !== null,
    verifiedAt: iso(association.verified_at),
    createdAt: iso(association.created_at) as string,
    activities: coming.rows.map(eventSummary),
  };
  if (!insider) return { association: profile, membership: null };
  const members = await listMembers(ctx.deps.db, association.id);
  const myRole = members.find((member) => member.user_id === ctx.actorId)?.role ?? null;
  const isAdmin = can(actor, 'association:manage', { associationId: association.id });
  return {
    association: profile,
    membership: {
      myRole,
      canManage: isAdmin,
      members: members.map((member) => ({
        userId: member.user_id,
        name: member.display_name,
        email: member.email,
        role: member.role,
        since: iso(member.since) as string,
      })),
      invitations: isAdmin
        ? (await listOpenInvitations(ctx.deps.db, association.id, new Date())).map((invitation) => ({
            email: invitation.email,
            role: invitation.role,
            expiresAt: iso(invitation.expires_at) as string,
          }))
        : [],
      postedActivities: (await listAssociationActivities(ctx.deps.db, association.id)).map((activity) => ({
        id: activity.id,
        title: activity.title,
        startsAt: iso(activity.starts_at) as string,
        status: activity.status,
        moderation: activity.state,
        reason: activity.reason,
      })),
    },
  };
}

/** The public list: verified associations by name. */
export async function findAssociations(ctx: UseCaseContext, query: AssociationListQuery) {
  const { rows, total } = await listVerifiedAssociations(ctx.deps.db, {
    ...(query.q ? { q: query.q } : {}),
    limit: associationListPageSize,
    offset: (query.page - 1) * associationListPageSize,
  });
  return {
    associations: rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      summary: row.description.split(/\n\s*\n/)[0]?.slice(0, 300) ?? '',
      languages: row.languages,
      website: row.website,
      focusAreas: row.focus_areas,
    })),
    total,
    page: query.page,
    pageSize: associationListPageSize,
  };
}

/** Staff: associations waiting for verification. */
export async function findPendingAssociations(ctx: UseCaseContext) {
  const rows = await listPendingAssociations(ctx.deps.db);
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    cvr: row.cvr,
    createdAt: iso(row.created_at) as string,
    createdBy: row.created_by_name,
  }));
}

/** The association's admins (and site admins) edit its profile. */
export async function updateAssociation(ctx: UseCaseContext, slug: string, input: UpdateAssociationInput) {
  const association = await associationOrNotFound(ctx, slug);
  await transaction(ctx, async (tx, db) => {
    await requirePermission(tx, 'association:manage', { associationId: association.id });
    if (input.cvr && (await cvrTaken(db, input.cvr, association.id))) {
      throw invalidField('cvr', 'En forening med det CVR-nummer er allerede oprettet');
    }
    const ids = input.focusAreas ? await focusAreaIds(tx, input.focusAreas) : undefined;
    await updateAssociationRow(db, association.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.cvr !== undefined ? { cvr: input.cvr } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.contactName !== undefined ? { contact_name: input.contactName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.website !== undefined ? { website: input.website } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.languages !== undefined ? { languages: [...new Set(input.languages)] } : {}),
    });
    if (ids) await setAssociationFocusAreas(db, association.id, ids);
    await audit(tx, {
      action: 'association.updated',
      targetType: 'association',
      targetId: String(association.id),
      details: { fields: Object.keys(input) },
    });
    await indexLater(db, 'association', association.id);
  });
  publicListChanged(ctx);
  return readAssociation(ctx, slug);
}

/** Staff verify a pending association: it is listed publicly from now on; its admins are told. */
export async function verifyAssociation(ctx: UseCaseContext, slug: string) {
  const association = await associationOrNotFound(ctx, slug);
  await transaction(ctx, async (tx, db) => {
    const locked = await lockAssociation(db, association.id);
    if (!locked || locked.verified_at) return;
    await updateAssociationRow(db, association.id, { verified_at: new Date(), verified_by: ctx.actorId });
    const admins = (await listMembers(db, association.id)).filter((member) => member.role === 'admin');
    for (const admin of admins) {
      await queueEmail(
        tx.deps,
        associationVerifiedMessage(
          admin.email,
          association.name,
          `${tx.deps.config.publicUrl}/foreninger/${association.slug}`,
        ),
      );
    }
    await audit(tx, {
      action: 'association.verified',
      targetType: 'association',
      targetId: String(association.id),
    });
    await indexLater(db, 'association', association.id);
  });
  publicListChanged(ctx);
  return readAssociation(ctx, slug);
}

/** Staff or the association's admins delete it; its events stay, without the association. */
export async function deleteAssociation(ctx: UseCaseContext, slug: string) {
  const association = await associationOrNotFound(ctx, slug);
  await transaction(ctx, async (tx, db) => {
    const actor = await currentActor(tx);
    if (
      !can(actor, 'association:verify') &&
      !can(actor, 'association:manage', { associationId: association.id })
    ) {
      throw forbidden('Du har ikke adgang til denne forening.');
    }
    await deleteAssociationRow(db, association.id);
    await audit(tx, {
      action: 'association.deleted',
      targetType: 'association',
      targetId: String(association.id),
      details: { name: association.name },
    });
    await indexLater(db, 'association', association.id);
  });
  publicListChanged(ctx);
}

/** The signed-in user's associations. */
export async function readMyAssociations(ctx: UseCaseContext) {
  if (!ctx.actorId) throw notSignedIn();
  const rows = await listMembershipsOf(ctx.deps.db, ctx.actorId);
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    verified: row.verified_at !== null,
    role: row.role,
  }));
}
