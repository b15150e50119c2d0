import { parseArgs } from 'node:util';
import { DataDirBusyError, type Operations, openOperations, parseEnv, UseCaseError } from '@brobygger/api';
import { displayNameSchema, emailSchema, fieldErrors, roleGrantSchema } from '@brobygger/domain';

/**
 * `pnpm cli <command>`: administration without SQL. Refuses to open an embedded data directory
 * that a running server holds (PGlite allows one process).
 */
const commands: Record<string, { summary: string; run: (args: string[]) => Promise<void> }> = {
  'db:migrate': {
    summary: 'Run every pending database migration',
    run: async () => {
      await withOperations(async (operations) => {
        const applied = await operations.migrate();
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      });
    },
  },
  'db:seed': {
    summary: 'Load the policy (focus areas, initiatives, …); safe to run again',
    run: async () => {
      await withOperations(async (operations) => {
        const outcome = await operations.seedPolicy();
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
      await withOperations(async (operations) => {
        try {
          const added = await operations.addUser({
            email: email.data,
            displayName: name.data,
            grant: grant.data,
          });
          if (added.created) console.log(`Created ${email.data}.`);
          console.log(
            added.granted
              ? `Gave ${email.data} the role ${grant.data.role}.`
              : `${email.data} already has that role.`,
          );
          console.log(`Send this link to the user to choose a password (valid for 1 hour, once):`);
          console.log(added.passwordLink);
        } catch (error) {
          if (error instanceof UseCaseError) {
            for (const messages of Object.values(error.fields ?? { _: [error.message] }))
              console.error(messages.join('; '));
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      });
    },
  },
  // Search (issue 12)
  'search:reindex': {
    summary: 'Rebuild the search index from the database (search stays online meanwhile)',
    run: async () => {
      await withOperations(async (operations) => {
        const bar = progressBar();
        const outcome = await operations.reindexSearch((progress) => bar(progress.done, progress.total));
        bar.end();
        console.log(
          `Indexed ${outcome.indexed} documents and removed ${outcome.removed} stale ones in ${(outcome.ms / 1000).toFixed(1)} s.`,
        );
      });
    },
  },
};

/** A progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise. */
function progressBar() {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  const draw = (done: number, total: number) => {
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)
      .toString()
      .padStart(3)} % ${done}/${total}`;
    if (tty) process.stderr.write(`\r${line}`);
    else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
  return Object.assign(draw, {
    end() {
      if (tty) process.stderr.write('\n');
    },
  });
}

/** Use cases over the database (apps reach data only through @brobygger/api). */
async function withOperations(work: (operations: Operations) => Promise<void>): Promise<void> {
  const operations = await openOperations(parseEnv(process.env));
  try {
    await work(operations);
  } finally {
    await operations.close();
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
