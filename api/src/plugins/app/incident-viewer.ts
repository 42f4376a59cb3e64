import { createHmac } from 'node:crypto'
import type { IncidentViewer } from '@misalign/db'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../../lib/problem'
import type { Caller } from '../../services/caller'

declare module 'fastify' {
  interface FastifyInstance {
    /** The signed-in viewer as incident reads need it, with the key of their anonymous reports. */
    incidentViewer(request: FastifyRequest): IncidentViewer
    /** The signed-in caller as services take it: viewer, anonymous-report key and audit actor. */
    caller(request: FastifyRequest): Caller
  }
}

export default fp(
  async function incidentViewerPlugin(app: FastifyInstance) {
    const secret = app.config.reporterKeySecret
    app.decorate('incidentViewer', (request: FastifyRequest): IncidentViewer => {
      const viewer = request.viewer
      if (!viewer) throw new HttpProblem(401, 'unauthenticated', 'Sign in first.')
      // Keyed with a secret outside the database: the database alone cannot link a report to a person.
      const reporterKey = createHmac('sha256', secret).update(`reporter:${viewer.userId}`).digest('base64url')
      return { ...viewer, reporterKey }
    })
    app.decorate('caller', (request: FastifyRequest): Caller => ({ viewer: app.incidentViewer(request), actor: request.actor }))
  },
  { name: 'incident-viewer', dependencies: ['auth'] },
)
