import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { HttpProblem } from '../../lib/problem'

const Status = Type.Object({ status: Type.String() })

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        operationId: 'getHealth',
        summary: 'The process is up',
        description: 'Answers 200 while the process runs, without asking the database: a liveness probe. No sign-in needed.',
        response: { 200: Status },
      },
    },
    async () => ({ status: 'ok' }),
  )

  app.get(
    '/ready',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        operationId: 'getReadiness',
        summary: 'The database answers',
        description:
          'Answers 200 when the database answers, and 503 with Retry-After while it does not: a readiness probe. No sign-in needed.',
        response: { 200: Status },
      },
    },
    async () => {
      try {
        await app.database.ping()
      } catch {
        throw new HttpProblem(503, 'not-ready', 'The database is not reachable', undefined, { 'retry-after': '5' })
      }
      return { status: 'ready' }
    },
  )
}
export default healthRoutes
