import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Nullable } from '@misalign/shared'
import { Type } from 'typebox'

const ParkedJob = Type.Object({
  id: Type.String(),
  queue: Type.String({ description: 'What the job does, e.g. cluster-placement' }),
  data: Type.Unknown({ description: 'What it was queued with: for an outbox consumer, the event' }),
  error: Type.String({ description: 'The error of its last try' }),
  retryCount: Type.Integer(),
  failedAt: Nullable(Type.String({ format: 'date-time' })),
})

const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const jobs = app.services.jobs

  app.get(
    '/parked',
    {
      config: { policy: 'job.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'listParkedJobs',
        summary: 'Background jobs that failed every try, newest first',
        description: 'Each was retried with backoff and then parked. Fix the cause, then send it again.',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
        response: { 200: Type.Object({ items: Type.Array(ParkedJob) }) },
      },
    },
    async (req) => ({ items: await jobs.parked(app.caller(req), req.query.limit ?? 50) }),
  )

  app.post(
    '/parked/:id/retry',
    {
      config: { policy: 'job.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'retryParkedJob',
        summary: 'Send a parked job again',
        description: 'Admins only. Queues the job again with a fresh set of tries; answers 204.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await jobs.retry(app.caller(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
export default jobRoutes
