import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { latestCalendarDay, NewSignal, Page, Signal, SignalQuery } from '@misalign/shared'
import { problem } from '../../lib/problem'

/**
 * Near misses and autonomy wins. Reading and noting them follows incidents ('incident.read',
 * 'incident.file'): a near miss is what the report form offers instead of filing an incident.
 */
const signalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['signals'],
        summary: 'List near misses and autonomy wins, most recent first',
        description: 'Counted apart from incidents, never mixed in.',
        querystring: SignalQuery,
        response: { 200: Page(Signal) },
      },
    },
    async (req) => app.repos.signals.list(req.query),
  )

  app.post(
    '/',
    {
      config: { policy: 'incident.file' },
      schema: {
        tags: ['signals'],
        summary: 'Note a near miss or an autonomy win',
        description:
          'A near miss is a surprise without harm (not an incident). An autonomy win names the strategy that let the team decide on its own.',
        body: NewSignal,
        response: { 201: Signal },
      },
    },
    async (req, reply) => {
      if (req.body.occurredAt > latestCalendarDay(new Date())) {
        throw problem.unprocessable('occurredAt cannot be in the future: give the day it happened', [
          { field: 'occurredAt', message: 'cannot be in the future' },
        ])
      }
      if (req.body.kind === 'autonomy_win' && !req.body.strategyId) {
        throw problem.unprocessable('An autonomy win names the strategy that let you decide on your own: send strategyId', [
          { field: 'strategyId', message: 'is required for an autonomy win' },
        ])
      }
      const signal = await app.repos.signals.create(req.body, req.actor)
      return reply.code(201).send(signal)
    },
  )
}
export default signalRoutes
