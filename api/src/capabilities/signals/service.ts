import { signalRepository } from '@misalign/db'
import { checkSignal, fail, latestCalendarDay, type NewSignal, type Page, type Signal, type SignalQuery } from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

/**
 * Near misses and autonomy wins. Reading and noting them follows incidents ('incident.read',
 * 'incident.file'): a near miss is what the report form offers instead of filing an incident.
 */
export function signalService(deps: ServiceDeps) {
  return {
    list(caller: Caller, query: SignalQuery): Promise<Page<Signal>> {
      authorize(caller, 'incident.read')
      return deps.repos.signals.list(query)
    },

    /** Notes one signal and records `signal.noted`; an anonymous note's event names no team. */
    async note(caller: Caller, input: NewSignal): Promise<Signal> {
      authorize(caller, 'incident.file')
      const [problem] = checkSignal(input, latestCalendarDay(deps.now()))
      if (problem) throw fail.invalid(problem.detail, [{ field: problem.field, message: problem.message }])
      return writeTransaction(deps, async (tx, events) => {
        const signal = await signalRepository(tx).create(input, caller.actor)
        const anonymous = input.anonymous === true
        await events.record({
          type: 'signal.noted',
          aggregateType: 'signal',
          aggregateId: signal.id,
          aggregateVersion: 1,
          payload: {
            kind: signal.kind,
            teamId: anonymous ? null : signal.teamId,
            strategyId: signal.strategyId,
            occurredAt: signal.occurredAt,
            anonymous,
          },
        })
        return signal
      })
    },
  }
}

export type SignalService = ReturnType<typeof signalService>
