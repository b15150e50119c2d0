import { createRouter } from '../../openapi.ts';
import { getJobForAdmin, type JobView, listJobsForAdmin, retryJob } from '../../services/jobs/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
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

/** The job runner seen by admins: what waits, runs, is done or dead; a dead job can be retried. */
export const jobsRouter = createRouter()
  .openapi(listJobsRoute, async (c) => {
    const { jobs, counts } = await listJobsForAdmin(useCaseContext(c), c.req.valid('query'));
    return c.json({ jobs: jobs.map(serialise), counts }, 200);
  })
  .openapi(getJobRoute, async (c) => {
    const job = await getJobForAdmin(useCaseContext(c), c.req.valid('param').id);
    return c.json({ job: serialise(job) }, 200);
  })
  .openapi(retryJobRoute, async (c) => {
    const job = await retryJob(useCaseContext(c), c.req.valid('param').id);
    return c.json({ job: serialise(job) }, 200);
  });
