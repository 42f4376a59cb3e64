import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { HttpProblem } from '../../lib/problem'

const Status = Type.Object({ status: Type.String() })

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { config: { policy: 'public' }, schema: { tags: ['system'], summary: 'The process is up', response: { 200: Status } } },
    async () => ({ status: 'ok' }),
  )

  app.get(
    '/ready',
    { config: { policy: 'public' }, schema: { tags: ['system'], summary: 'The database answers', response: { 200: Status } } },
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
