import {
  countJobsByState,
  findJob,
  type JobState,
  type JobView,
  listJobs,
  retryDeadJob,
} from '@brobygger/db';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';

export type { JobView };

const jobNotFound = 'Jobbet findes ikke.';

/** The job runner as admins see it: the jobs of one state (newest first) and the count per state. */
export async function listJobsForAdmin(
  ctx: UseCaseContext,
  query: { state?: JobState | undefined; limit: number; before?: number | undefined },
) {
  const { db } = ctx.deps;
  const [jobs, counts] = await Promise.all([listJobs(db, query), countJobsByState(db)]);
  return { jobs, counts };
}

export async function getJobForAdmin(ctx: UseCaseContext, id: number): Promise<JobView> {
  const job = await findJob(ctx.deps.db, id);
  if (!job) throw notFound(jobNotFound);
  return job;
}

/** Gives a dead job a fresh set of attempts, at once; audited. */
export async function retryJob(ctx: UseCaseContext, id: number): Promise<JobView> {
  const job = await transaction(ctx, async (tx, db) => {
    const outcome = await retryDeadJob(db, id);
    if (outcome === 'not-found') throw notFound(jobNotFound);
    if (outcome === 'not-dead') throw conflict('Kun et job, der er opgivet, kan prøves igen.');
    const retried = await findJob(db, id);
    if (!retried) throw notFound(jobNotFound);
    await audit(tx, {
      action: 'job.retried',
      targetType: 'job',
      targetId: String(id),
      details: { type: retried.type },
    });
    return retried;
  });
  ctx.deps.onJobsQueued?.();
  return job;
}
