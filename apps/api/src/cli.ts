import { parseArgs } from 'node:util';
import { parseEnv, resolveDataDir } from '@brobygger/api';
import { hashPassword, issueLinkToken, randomBase32 } from '@brobygger/auth';
import {
  createUser,
  DataDirBusyError,
  findUserByEmail,
  grantRole,
  migrateToLatest,
  openDatabase,
  recordAudit,
  seedPolicy,
  UnknownScopeError,
} from '@brobygger/db';
import { displayNameSchema, emailSchema, fieldErrors, roleGrantSchema } from '@brobygger/domain';

/**
 * `pnpm cli <command>`: administration without SQL. Refuses to open an embedded data directory
 * that a running server holds (PGlite allows one process).
 */
const commands: Record<string, { summary: string; run: (args: string[]) => Promise<void> }> = {
  'db:migrate': {
    summary: 'Run every pending database migration',
    run: async () => {
      await withDatabase(async (db, schema) => {
        const { applied } = await migrateToLatest(db, schema);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      });
    },
  },
  'db:seed': {
    summary: 'Load the policy (focus areas, initiatives, …); safe to run again',
    run: async () => {
      await withDatabase(async (db, schema) => {
        await migrateToLatest(db, schema);
        const outcome = await seedPolicy(db);
        console.log(
          `Seeded ${outcome.focusAreas} focus areas, ${outcome.strategyTracks} strategy tracks and ${outcome.initiatives} initiatives.`,
        );
      });
    },
  },
  'users:add': {
    summary:
      'Create a user with a role: --email a@b.dk --role staff [--name "…"] [--focus-area slug] [--association id]',
    run: async (args) => {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          'focus-area': { type: 'string' },
          association: { type: 'string' },
        },
        strict: true,
      });
      const email = emailSchema.safeParse(values.email ?? '');
      const name = displayNameSchema.safeParse(values.name ?? values.email?.split('@')[0] ?? '');
      const grant = roleGrantSchema.safeParse({
        role: values.role,
        focusArea: values['focus-area'],
        associationId: values.association === undefined ? undefined : Number(values.association),
      });
      const problems = {
        ...(email.success ? {} : { email: fieldErrors(email.error)._ ?? [] }),
        ...(name.success ? {} : { name: fieldErrors(name.error)._ ?? [] }),
        ...(grant.success ? {} : fieldErrors(grant.error)),
      };
      if (!email.success || !name.success || !grant.success) {
        for (const [field, messages] of Object.entries(problems))
          console.error(`--${field}: ${messages.join('; ')}`);
        process.exitCode = 2;
        return;
      }
      const env = parseEnv(process.env);
      await withDatabase(async (db, schema) => {
        await migrateToLatest(db, schema);
        await seedPolicy(db);
        let user = await findUserByEmail(db, email.data);
        if (!user) {
          // A random password nobody knows; the user chooses their own through the link below.
          const passwordHash = await hashPassword(randomBase32(20));
          await createUser(db, {
            email: email.data,
            passwordHash,
            displayName: name.data,
            emailVerified: true,
          });
          user = await findUserByEmail(db, email.data);
          console.log(`Created ${email.data}.`);
        }
        if (!user) throw new Error('could not create the user');
        try {
          const granted = await grantRole(db, user.id, grant.data, null);
          console.log(
            granted === undefined
              ? `${email.data} already has that role.`
              : `Gave ${email.data} the role ${grant.data.role}.`,
          );
        } catch (error) {
          if (error instanceof UnknownScopeError) {
            console.error(error.message);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
        await recordAudit(db, {
          actorId: null,
          action: 'role.granted',
          targetType: 'user',
          targetId: user.id,
          details: { role: grant.data.role, via: 'cli' },
        });
        const token = await issueLinkToken(db, user.id, 'reset-password');
        const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
        console.log(`Send this link to the user to choose a password (valid for 1 hour, once):`);
        console.log(`${new URL('/nulstil-adgangskode', base).toString()}?token=${token}`);
      });
    },
  },
};

async function withDatabase(
  work: (db: Awaited<ReturnType<typeof openDatabase>>['db'], schema: string) => Promise<void>,
): Promise<void> {
  const env = parseEnv(process.env);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: resolveDataDir(env.DATA_DIR),
  });
  try {
    await work(database.db, database.schema);
  } finally {
    await database.close();
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(14)} ${command.summary}`);
  return ['Usage: pnpm cli <command>', '', 'Commands:', ...lines].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name ? `Unknown command: ${name}\n\n${usage()}` : usage());
  process.exit(name ? 2 : 0);
}
try {
  await command.run(args);
} catch (error) {
  if (error instanceof DataDirBusyError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
