import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NewSignal, Page, Signal, SignalQuery } from '@misalign/shared'

/**
 * Near misses and autonomy wins. Reading and noting them follows incidents ('incident.read',
 * 'incident.file'): a near miss is what the report form offers instead of filing an incident.
 */
const signalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signals = app.services.signals

  app.get(
    '/',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['signals'],
        operationId: 'listSignals',
        summary: 'List near misses and autonomy wins, most recent first',
        description: 'Counted apart from incidents, never mixed in.',
        querystring: SignalQuery,
        response: { 200: Page(Signal) },
      },
    },
    async (req) => signals.list(app.caller(req), req.query),
  )

  app.post(
    '/',
    {
      config: { policy: 'incident.file' },
      schema: {
        tags: ['signals'],
        operationId: 'recordSignal',
        summary: 'Note a near miss or an autonomy win',
        description:
          'A near miss is a surprise without harm (not an incident). An autonomy win names the strategy that let the team decide on its own.',
        body: NewSignal,
        response: { 201: Signal },
      },
    },
    async (req, reply) => reply.code(201).send(await signals.note(app.caller(req), req.body)),
  )
}
export default signalRoutes
