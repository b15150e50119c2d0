import type { Role, RoleGrant } from '@brobygger/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface UserRoleView extends RoleGrant {
  id: number;
  focusAreaName: string | null;
  associationName: string | null;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  emailVerified: boolean;
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: Date;
  roles: UserRoleView[];
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getUserRoles(db: Kysely<Database>, userId: string): Promise<UserRoleView[]> {
  const rows = await db
    .selectFrom('user_roles as ur')
    .leftJoin('focus_areas as fa', 'fa.id', 'ur.focus_area_id')
    .leftJoin('associations as a', 'a.id', 'ur.association_id')
    .select([
      'ur.id',
      'ur.role',
      'fa.slug as focusArea',
      'fa.name as focusAreaName',
      'ur.association_id as associationId',
      'a.name as associationName',
    ])
    .where('ur.user_id', '=', userId)
    .orderBy('ur.id')
    .execute();
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

export async function getUserView(db: Kysely<Database>, id: string): Promise<UserView | undefined> {
  const user = await findUserById(db, id);
  if (!user) return undefined;
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    emailVerified: user.email_verified_at !== null,
    totpEnabled: user.totp_enabled_at !== null,
    disabled: user.disabled_at !== null,
    createdAt: user.created_at,
    roles: await getUserRoles(db, id),
  };
}

export async function createUser(
  db: Kysely<Database>,
  input: { email: string; passwordHash: string; displayName: string; emailVerified?: boolean },
): Promise<{ id: string } | undefined> {
  const insert = async (trx: Kysely<Database>) => {
    const user = await trx
      .insertInto('users')
      .values({
        email: input.email,
        password_hash: input.passwordHash,
        display_name: input.displayName,
        email_verified_at: input.emailVerified ? new Date() : null,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!user) return undefined;
    // Everyone who registers is a volunteer.
    await trx.insertInto('user_roles').values({ user_id: user.id, role: 'volunteer' }).execute();
    return user;
  };
  // Inside a use case's transaction already, or a transaction of its own.
  return db.isTransaction ? insert(db) : db.transaction().execute(insert);
}

export class UnknownScopeError extends Error {
  constructor(readonly field: 'focusArea' | 'associationId') {
    super(field === 'focusArea' ? 'Fokusområdet findes ikke' : 'Foreningen findes ikke');
  }
}

/** Grants a role; answers the grant's id, or undefined when the user already had it. */
export async function grantRole(
  db: Kysely<Database>,
  userId: string,
  grant: RoleGrant,
  grantedBy: string | null,
): Promise<number | undefined> {
  let focusAreaId: number | null = null;
  if (grant.focusArea) {
    const area = await db
      .selectFrom('focus_areas')
      .select('id')
      .where('slug', '=', grant.focusArea)
      .executeTakeFirst();
    if (!area) throw new UnknownScopeError('focusArea');
    focusAreaId = area.id;
  }
  if (grant.associationId) {
    const association = await db
      .selectFrom('associations')
      .select('id')
      .where('id', '=', grant.associationId)
      .executeTakeFirst();
    if (!association) throw new UnknownScopeError('associationId');
  }
  const existing = await db
    .selectFrom('user_roles')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where((eb) =>
      focusAreaId === null ? eb('focus_area_id', 'is', null) : eb('focus_area_id', '=', focusAreaId),
    )
    .where((eb) =>
      grant.associationId ? eb('association_id', '=', grant.associationId) : eb('association_id', 'is', null),
    )
    .executeTakeFirst();
  if (existing) return undefined;
  const row = await db
    .insertInto('user_roles')
    .values({
      user_id: userId,
      role: grant.role,
      focus_area_id: focusAreaId,
      association_id: grant.associationId ?? null,
      granted_by: grantedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeRole(db: Kysely<Database>, userId: string, grantId: number) {
  return db
    .deleteFrom('user_roles')
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .returning(['id', 'role'])
    .executeTakeFirst();
}

export interface UserListFilter {
  query?: string | undefined;
  limit: number;
  offset: number;
}

export async function listUsers(db: Kysely<Database>, filter: UserListFilter) {
  let query = db.selectFrom('users');
  if (filter.query) {
    const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  const [{ total } = { total: 0 }] = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const users = await query
    .select(['id'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const views = await Promise.all(users.map((user) => getUserView(db, user.id)));
  return { total, users: views.filter((view): view is UserView => view !== undefined) };
}

export async function setTotpLastStep(db: Kysely<Database>, userId: string, step: number): Promise<void> {
  await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
}

export async function markEmailVerified(
  db: Kysely<Database>,
  userId: string,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: now, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** A new password; `verifyEmail` also marks the address proven (the reset link came by email). */
export async function setPasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  { verifyEmail = false, now = new Date() } = {},
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
      ...(verifyEmail ? { email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(now)) } : {}),
    }))
    .where('id', '=', userId)
    .execute();
}

/** Stores a fresh TOTP key that is not yet switched on. */
export async function storePendingTotpKey(
  db: Kysely<Database>,
  userId: string,
  key: Uint8Array,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_key: key, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

export async function switchTotpOn(db: Kysely<Database>, userId: string, step: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: new Date(), totp_last_step: step })
    .where('id', '=', userId)
    .execute();
}

/** Turns two-factor off: the key and every recovery code go. */
export async function switchTotpOff(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: null, totp_key: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function setUserDisabled(
  db: Kysely<Database>,
  userId: string,
  disabled: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? new Date() : null, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Deletes the user row; roles, sessions, tokens and recovery codes go with it (on delete cascade). */
export async function deleteUserRow(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

/**
 * Serialises changes that could leave the site without an administrator (removing the admin
 * role, disabling or deleting an admin) until the calling transaction ends. Call it inside a
 * transaction, before `countActiveAdmins`.
 */
export async function lockAdministrators(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${adminLockKey})`.execute(trx);
}
const adminLockKey = 7_310_001;

/** Active (not disabled) users with the admin role, optionally leaving one user out. */
export async function countActiveAdmins(db: Kysely<Database>, { except }: { except?: string } = {}) {
  let query = db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .where('ur.role', '=', 'admin')
    .where('u.disabled_at', 'is', null);
  if (except) query = query.where('u.id', '!=', except);
  const row = await query
    .select((eb) => eb.fn.count<string>('u.id').distinct().as('admins'))
    .executeTakeFirstOrThrow();
  return Number(row.admins);
}

export async function findRoleGrant(db: Kysely<Database>, userId: string, grantId: number) {
  return db
    .selectFrom('user_roles')
    .select(['id', 'role'])
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
