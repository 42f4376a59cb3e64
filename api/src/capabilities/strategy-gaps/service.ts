import { type AttachOutcome, strategyGapRepository, strategyRepository } from '@misalign/db'
import {
  checkDayWindow,
  checkGapTransition,
  checkStrategyDraft,
  type DomainEvent,
  fail,
  type GapAttachBody,
  type GapAttachResult,
  type GapContext,
  type GapImpact,
  type GapRanking,
  type GapRankingQuery,
  type GapStrategyDraft,
  type GapSuggestionQuery,
  type GapSuggestions,
  type GapTransitionBody,
  type NewStrategy,
  type NewStrategyGap,
  type Page,
  type StrategyGap,
  type StrategyGapChanges,
  type StrategyGapQuery,
  utcDay,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { strategyEvent } from '../strategies/events'

/** What others may learn from a gap event: ids and status, not its title or story. */
const gapEvent = (type: DomainEvent['type'], gap: StrategyGap, extra: Record<string, unknown> = {}): DomainEvent => ({
  type,
  aggregateType: 'gap',
  aggregateId: gap.id,
  aggregateVersion: gap.version,
  payload: {
    status: gap.status,
    ownerId: gap.ownerId,
    addressedByStrategyId: gap.addressedByStrategyId,
    decisionIds: gap.decisionIds,
    ...extra,
  },
})

/** A window the caller named backwards is a request that cannot be read, not a rule broken. */
function checkWindow(query: { from?: string; to?: string }): void {
  const problem = checkDayWindow(query)
  if (problem) throw fail.malformed(`${problem.field} ${problem.message}`, [problem])
}

export function strategyGapService(deps: ServiceDeps) {
  const reads = deps.repos.strategyGaps
  const today = () => utcDay(deps.now())

  async function gapOr404(id: string): Promise<StrategyGap> {
    const gap = await reads.findById(id)
    if (!gap) throw fail.notFound('strategy gap', id)
    return gap
  }

  /** Attaching changes incidents, so the caller needs incident.update on each (an unseen one reads as absent). */
  async function authorizeIncidents(caller: Caller, ids: readonly string[], mustBeFree: boolean): Promise<void> {
    const found = await reads.attachable(ids, caller.viewer)
    const known = new Set(found.map((i) => i.id))
    const missing = ids.filter((id) => !known.has(id))
    if (missing.length) throw fail.invalid(`No incident ${missing.join(', ')} to attach`)
    for (const incident of found) {
      if (mustBeFree && incident.gapId) {
        throw fail.invalid(`Incident ${incident.id} already points at a gap; attach only incidents in no gap`)
      }
      authorize(caller, 'incident.update', { teamIds: [incident.reportingTeamId], isOwnedByViewer: incident.isMine })
    }
  }

  /** What an attach or detach moves: the incidents named, a cluster's incidents the caller may see, and the decisions. */
  async function attachPlan(caller: Caller, body: GapAttachBody) {
    const cluster = body.clusterId ? await reads.clusterForAttach(body.clusterId, caller.viewer) : undefined
    if (body.clusterId && !cluster) throw fail.invalid(`No cluster ${body.clusterId} to attach`)
    const incidentIds = [...new Set([...(body.incidentIds ?? []), ...(cluster?.incidentIds ?? [])])]
    if (incidentIds.length) await authorizeIncidents(caller, incidentIds, false)
    return { incidentIds, decisionIds: body.decisionIds ?? [], dominantDecision: cluster?.dominantDecision ?? null }
  }

  /** One event when anything moved, naming what moved; an attach that changed nothing says nothing. */
  const movedEvent = (outcome: AttachOutcome, attaching: boolean) =>
    outcome.incidentIds.length || outcome.decisionIds.length
      ? gapEvent(attaching ? 'gap.attached' : 'gap.detached', outcome.gap, {
          // Beside the gap's decisionIds as they are now: what this attach or detach moved.
          movedIncidentIds: outcome.incidentIds,
          movedDecisionIds: outcome.decisionIds,
        })
      : undefined

  async function move(caller: Caller, id: string, body: GapAttachBody, attaching: boolean) {
    authorize(caller, 'gap.update')
    await gapOr404(id)
    const plan = await attachPlan(caller, body)
    const outcome = await writeTransaction(deps, async (tx, events) => {
      const gaps = strategyGapRepository(tx)
      const done = attaching ? await gaps.attach(id, plan, caller.actor) : await gaps.detach(id, plan, caller.actor)
      if (!done) throw fail.notFound('strategy gap', id)
      const event = movedEvent(done, attaching)
      if (event) await events.record(event)
      return done
    })
    return { outcome, plan }
  }

  return {
    list(caller: Caller, query: StrategyGapQuery): Promise<Page<StrategyGap>> {
      authorize(caller, 'gap.read')
      return reads.list(query)
    },

    find(caller: Caller, id: string): Promise<StrategyGap> {
      authorize(caller, 'gap.read')
      return gapOr404(id)
    },

    ranking(caller: Caller, query: GapRankingQuery): Promise<GapRanking> {
      authorize(caller, 'gap.read')
      checkWindow(query)
      return reads.ranking(query, caller.viewer, today())
    },

    suggestions(caller: Caller, query: GapSuggestionQuery): Promise<GapSuggestions> {
      authorize(caller, 'gap.read')
      checkWindow(query)
      return reads.suggestions(query, caller.viewer, today())
    },

    async impact(caller: Caller, id: string, weeks: number | undefined): Promise<GapImpact> {
      authorize(caller, 'gap.read')
      return reads.impact(await gapOr404(id), weeks, caller.viewer, today())
    },

    async context(caller: Caller, id: string): Promise<GapContext> {
      authorize(caller, 'gap.read')
      const gap = await gapOr404(id)
      const personIds = [gap.ownerId, gap.acknowledged.byId, gap.published.byId, gap.verified.byId, gap.wontFix.byId]
      return reads.context({ ...gap, personIds }, caller.viewer, today())
    },

    /** Opens a gap; incidents from a suggestion are attached in the same transaction, if the caller may change each. */
    async create(caller: Caller, input: NewStrategyGap): Promise<StrategyGap> {
      authorize(caller, 'gap.create')
      if (input.incidentIds?.length) await authorizeIncidents(caller, input.incidentIds, true)
      return writeTransaction(deps, async (tx, events) => {
        const gap = await strategyGapRepository(tx).create(input, caller.actor)
        await events.record(gapEvent('gap.created', gap, { incidentIds: input.incidentIds ?? [] }))
        return gap
      })
    },

    async update(caller: Caller, id: string, expectedVersion: number, changes: StrategyGapChanges): Promise<StrategyGap> {
      authorize(caller, 'gap.update')
      return writeTransaction(deps, async (tx, events) => {
        const gap = await strategyGapRepository(tx).update(id, expectedVersion, changes, caller.actor)
        if (!gap) throw fail.notFound('strategy gap', id)
        await events.record(gapEvent('gap.updated', gap))
        return gap
      })
    },

    /** One lifecycle step, checked by the domain rule (shared/src/domain/gap-lifecycle.ts). */
    async transition(caller: Caller, id: string, expectedVersion: number, body: GapTransitionBody): Promise<StrategyGap> {
      authorize(caller, 'gap.update')
      return writeTransaction(deps, async (tx, events) => {
        const gaps = strategyGapRepository(tx)
        const before = await gaps.lockById(id)
        if (!before) throw fail.notFound('strategy gap', id)
        if (before.version !== expectedVersion) throw fail.staleVersion('strategy gap', before.version)
        const check = checkGapTransition(before.status, body)
        if (!check.ok) throw fail.invalidField('to', check.message)
        const gap = await gaps.transition(id, expectedVersion, body, caller.actor)
        if (!gap) throw fail.notFound('strategy gap', id)
        await events.record(gapEvent('gap.transitioned', gap, { from: before.status, to: gap.status }))
        return gap
      })
    },

    /**
     * "Draft the strategy now": a draft strategy made from an acknowledged gap and linked to it,
     * in one transaction, so the gap is never left pointing at nothing. The caller must be able
     * to move the gap and to write the owner team's strategies.
     */
    async draftStrategy(caller: Caller, id: string, expectedVersion: number, input: NewStrategy): Promise<GapStrategyDraft> {
      authorize(caller, 'gap.update')
      authorize(caller, 'strategy.write', { teamIds: [input.ownerTeamId] })
      return writeTransaction(deps, async (tx, events) => {
        const gaps = strategyGapRepository(tx)
        const before = await gaps.lockById(id)
        if (!before) throw fail.notFound('strategy gap', id)
        if (before.version !== expectedVersion) throw fail.staleVersion('strategy gap', before.version)
        const check = checkStrategyDraft(before.status)
        if (!check.ok) throw fail.invalid(check.message)
        const strategy = await strategyRepository(tx).create(input, caller.actor)
        await events.record(strategyEvent('strategy.created', strategy))
        const gap = await gaps.linkStrategyDraft(id, expectedVersion, strategy.id, caller.actor)
        if (!gap) throw fail.notFound('strategy gap', id)
        await events.record(gapEvent('gap.updated', gap))
        return { gap, strategy }
      })
    },

    /** A cluster whose incidents mostly name one decision offers it (offeredDecision) without attaching it. */
    async attach(caller: Caller, id: string, body: GapAttachBody): Promise<GapAttachResult> {
      const { outcome, plan } = await move(caller, id, body, true)
      const offered = plan.dominantDecision
      const isOffered = offered && !outcome.gap.decisionIds.includes(offered.id)
      return { ...outcome, offeredDecision: isOffered ? offered : null }
    },

    async detach(caller: Caller, id: string, body: GapAttachBody): Promise<GapAttachResult> {
      const { outcome } = await move(caller, id, body, false)
      return { ...outcome, offeredDecision: null }
    },
  }
}

export type StrategyGapService = ReturnType<typeof strategyGapService>
