import type { IncidentViewer } from '@misalign/db'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../../lib/problem'
import { reporterKeyOf } from '../../lib/reporter-key'
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
      return { ...viewer, reporterKey: reporterKeyOf(secret, viewer.userId) }
    })
    app.decorate('caller', (request: FastifyRequest): Caller => ({ viewer: app.incidentViewer(request), actor: request.actor }))
  },
  { name: 'incident-viewer', dependencies: ['auth'] },
)
