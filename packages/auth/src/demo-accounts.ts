import { createUser, type Database, findUserByEmail, grantRole } from '@brobygger/db';
import type { RoleGrant } from '@brobygger/domain';
import type { Kysely } from 'kysely';
import { hashPassword } from './password.ts';

export const demoPassword = 'brobygger-demo';
export const demoAssociation = { slug: 'venner-i-skanderborg', name: 'Venner i Skanderborg (demoforening)' };

/** The demo accounts of docs/design.md (and the README); never seeded when NODE_ENV=production. */
export const demoAccounts: { email: string; displayName: string; grants: RoleGrant[] }[] = [
  { email: 'admin@brobygger.test', displayName: 'Ada Admin', grants: [{ role: 'admin' }] },
  { email: 'medarbejder@brobygger.test', displayName: 'Mette Medarbejder', grants: [{ role: 'staff' }] },
  {
    email: 'styregruppe@brobygger.test',
    displayName: 'Søren Styregruppe',
    grants: [{ role: 'steering_group' }],
  },
  {
    email: 'tovholder@brobygger.test',
    displayName: 'Tove Tovholder (Integrationsteamet)',
    grants: [
      { role: 'lead_owner', focusArea: 'viden-og-videndeling' },
      { role: 'lead_owner', focusArea: 'kvinder' },
    ],
  },
  {
    email: 'sundhed@brobygger.test',
    displayName: 'Sune Sundhedsfremme',
    grants: [{ role: 'lead_owner', focusArea: 'sundhed-og-trivsel' }],
  },
  { email: 'frivillig@brobygger.test', displayName: 'Frida Frivillig', grants: [] },
  { email: 'forening@brobygger.test', displayName: 'Finn Forening', grants: [{ role: 'association_admin' }] },
];

/** Idempotent: existing demo users keep their passwords and data; missing roles are added. */
export async function seedDemoAccounts(db: Kysely<Database>): Promise<number> {
  const association = await db
    .insertInto('associations')
    .values({ slug: demoAssociation.slug, name: demoAssociation.name, verified_at: new Date() })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ name: demoAssociation.name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  let passwordHash: string | undefined;
  let created = 0;
  for (const account of demoAccounts) {
    let user = await findUserByEmail(db, account.email);
    if (!user) {
      passwordHash ??= await hashPassword(demoPassword);
      await createUser(db, {
        email: account.email,
        passwordHash,
        displayName: account.displayName,
        emailVerified: true,
      });
      user = await findUserByEmail(db, account.email);
      created++;
    }
    if (!user) continue;
    for (const grant of account.grants) {
      const scoped = grant.role === 'association_admin' ? { ...grant, associationId: association.id } : grant;
      await grantRole(db, user.id, scoped, null);
    }
  }
  return created;
}
