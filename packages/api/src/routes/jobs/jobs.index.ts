import { countJobsByState, findJob, type JobView, listJobs, recordAudit, retryDeadJob } from '@brobygger/db';
import { requestMeta } from '../../auth/guard.ts';
import { errorBody } from '../../errors.ts';
import { createRouter } from '../../openapi.ts';
import { getJobRoute, listJobsRoute, retryJobRoute } from './jobs.routes.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const serialise = (job: JobView) => ({
  ...job,
  runAt: job.runAt.toISOString(),
  lockedUntil: iso(job.lockedUntil),
  createdAt: job.createdAt.toISOString(),
  updatedAt: job.updatedAt.toISOString(),
  finishedAt: iso(job.finishedAt),
});
const jobNotFound = 'Jobbet findes ikke.';

/** The job runner seen by admins: what waits, runs, is done or dead; a dead job can be retried. */
export const jobsRouter = createRouter()
  .openapi(listJobsRoute, async (c) => {
    const { state, limit, before } = c.req.valid('query');
    const { db } = c.var.deps;
    const [jobs, counts] = await Promise.all([listJobs(db, { state, limit, before }), countJobsByState(db)]);
    return c.json({ jobs: jobs.map(serialise), counts }, 200);
  })
  .openapi(getJobRoute, async (c) => {
    const job = await findJob(c.var.deps.db, c.req.valid('param').id);
    if (!job) return c.json(errorBody('not_found', jobNotFound), 404);
    return c.json({ job: serialise(job) }, 200);
  })
  .openapi(retryJobRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const outcome = await retryDeadJob(db, id);
    if (outcome === 'not-found') return c.json(errorBody('not_found', jobNotFound), 404);
    if (outcome === 'not-dead') {
      return c.json(errorBody('conflict', 'Kun et job, der er opgivet, kan prøves igen.'), 409);
    }
    const job = await findJob(db, id);
    if (!job) return c.json(errorBody('not_found', jobNotFound), 404);
    await recordAudit(db, {
      actorId: c.var.user?.id ?? null,
      action: 'job.retried',
      targetType: 'job',
      targetId: String(id),
      details: { type: job.type },
      ...requestMeta(c),
    });
    return c.json({ job: serialise(job) }, 200);
  });
