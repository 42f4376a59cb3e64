import { fail } from '@misalign/shared'
import type { ParkedJob } from '../../jobs/queue'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'

/** Jobs that ran out of tries: what failed, with which error, and a way to send them again. */
export function jobService(deps: ServiceDeps) {
  return {
    parked(caller: Caller, limit: number): Promise<ParkedJob[]> {
      authorize(caller, 'job.manage')
      return deps.queue.parked(limit)
    },

    async retry(caller: Caller, id: string): Promise<void> {
      authorize(caller, 'job.manage')
      const job = (await deps.queue.parked(1_000)).find((parked) => parked.id === id)
      if (!job) throw fail.notFound('parked job', id)
      await deps.queue.retry(job.queue, id)
      deps.queue.wake(job.queue)
    },
  }
}
