import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditEntry, AuditQuery, Page } from '@misalign/shared'

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['admin'],
        operationId: 'listAuditEntries',
        summary: 'Read the audit log, newest first',
        description: 'Admins only. Every recorded change: who made it, to what, and when.',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    async (req) => app.services.audit.list(app.caller(req), req.query),
  )
}
export default auditRoutes
