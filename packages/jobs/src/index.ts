export { enqueueJob, type NewJob } from '@brobygger/db';
export {
  type AnyJobDefinition,
  backoffDelay,
  type JobContext,
  type JobDefinition,
  JobRunner,
  type JobRunnerOptions,
  PermanentJobError,
  periodStart,
  type RecurringJob,
  type Retry,
  recurringKey,
} from './runner.ts';
