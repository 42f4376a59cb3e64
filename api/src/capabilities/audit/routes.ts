import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditEntry, AuditQuery, Page } from '@misalign/shared'

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: 'Read the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    async (req) => app.services.audit.list(app.caller(req), req.query),
  )
}
export default auditRoutes
