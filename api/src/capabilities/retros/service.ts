import { type Db, retroRepository, strategyGapRepository, strategyRepository } from '@misalign/db'
import {
  type DomainEvent,
  fail,
  isCompleteTradeoff,
  type NewRetro,
  type Page,
  type Retro,
  type RetroChanges,
  type RetroListItem,
  type RetroPublication,
  type RetroQuery,
  type RetroWorkspace,
  retroFileName,
  retroMarkdown,
  type Strategy,
  type StrategyDraftRequest,
  type StrategyGap,
  type StrategyGapRequest,
  strategyDraftFromRetro,
  strategyGapFromRetro,
  utcDay,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { type Recorder, writeTransaction } from '../../services/unit-of-work'

const STATE_THE_TRADEOFF = 'State the tradeoff first: prefer what, over what, for which goal'

const retroEvent = (type: DomainEvent['type'], retro: Retro): DomainEvent => ({
  type,
  aggregateType: 'retro',
  aggregateId: retro.id,
  aggregateVersion: retro.version,
  payload: { clusterId: retro.clusterId, status: retro.status, strategyId: retro.strategyId, gapId: retro.gapId },
})

const strategyCreated = (strategy: Strategy, retroId: string): DomainEvent => ({
  type: 'strategy.created',
  aggregateType: 'strategy',
  aggregateId: strategy.id,
  aggregateVersion: strategy.version,
  payload: { status: strategy.status, ownerTeamId: strategy.ownerTeamId, scopeTeamIds: strategy.scopeTeamIds, retroId },
})

const gapCreated = (gap: StrategyGap, retroId: string, incidentIds: string[]): DomainEvent => ({
  type: 'gap.created',
  aggregateType: 'gap',
  aggregateId: gap.id,
  aggregateVersion: gap.version,
  payload: { status: gap.status, retroId, incidentIds },
})

export interface RetroExport {
  fileName: string
  markdown: string
}

/** Retros on clusters: a lead facilitates one on a cluster that touches their team; leaders and admins any. */
export function retroService(deps: ServiceDeps) {
  const reads = deps.repos.retros

  /** The teams the retro's cluster touches for this caller, once they may write it. */
  async function authorizeRetro(caller: Caller, id: string): Promise<string[]> {
    const teamIds = await reads.retroTeams(id, caller.viewer)
    if (!teamIds) throw fail.notFound('retro', id)
    authorize(caller, 'retro.write', { teamIds })
    return teamIds
  }

  async function workspaceOf(caller: Caller, id: string): Promise<RetroWorkspace> {
    const workspace = await reads.workspace(id, caller.viewer)
    if (!workspace) throw fail.notFound('retro', id)
    return workspace
  }

  /**
   * Opens a gap for the retro's cluster and points its visible, gap-less incidents at it, so the
   * register counts them. Refused when the retro opened one already or the incidents point at one.
   */
  async function openGap(tx: Db, events: Recorder, caller: Caller, retro: Retro, gap: { title: string; description: string }) {
    if (retro.gapId) throw fail.conflict(`This retro already opened a strategy gap (${retro.gapId})`)
    const retros = retroRepository(tx)
    const pointedAt = await retros.gapsPointedAt(retro.clusterId, caller.viewer)
    if (pointedAt.length > 0) {
      throw fail.conflict(
        `The incidents of this cluster already point at a strategy gap: ${pointedAt.map((g) => `"${g.title}"`).join(', ')}. Work on that gap instead of opening another.`,
      )
    }
    const created = await strategyGapRepository(tx).create(gap, caller.actor)
    const incidentIds = await retros.pointIncidentsAtGap(retro.clusterId, created.id, caller.viewer, caller.actor)
    await events.record(gapCreated(created, retro.id, incidentIds))
    return created
  }

  return {
    list(caller: Caller, query: RetroQuery): Promise<Page<RetroListItem>> {
      authorize(caller, 'retro.read')
      return reads.list(query)
    },

    /** The cluster's incidents the caller may see, their decisions, teams, harm and actions. */
    workspace(caller: Caller, id: string): Promise<RetroWorkspace> {
      authorize(caller, 'retro.read')
      return workspaceOf(caller, id)
    },

    /** The workspace as Markdown a team can paste into a wiki: never a reporter. */
    async exportMarkdown(caller: Caller, id: string): Promise<RetroExport> {
      authorize(caller, 'retro.read')
      const workspace = await workspaceOf(caller, id)
      return {
        fileName: retroFileName(workspace.retro.title, workspace.retro.heldAt),
        markdown: retroMarkdown(workspace, (teamId) => workspace.teamNames[teamId] ?? 'Unknown team'),
      }
    },

    async open(caller: Caller, input: NewRetro): Promise<Retro> {
      const teamIds = await reads.clusterTeams(input.clusterId, caller.viewer)
      if (!teamIds) throw fail.invalidField('clusterId', 'clusterId refers to a cluster that does not exist')
      authorize(caller, 'retro.write', { teamIds })
      return writeTransaction(deps, async (tx, events) => {
        const retro = await retroRepository(tx).create(input, caller.actor)
        await events.record(retroEvent('retro.created', retro))
        return retro
      })
    },

    /** Closing a retro records `retro.closed`; any other change `retro.updated`. */
    async update(caller: Caller, id: string, expectedVersion: number, changes: RetroChanges): Promise<Retro> {
      await authorizeRetro(caller, id)
      if (changes.tradeoff && !isCompleteTradeoff(changes.tradeoff)) {
        throw fail.invalidField('tradeoff', 'A tradeoff needs all three parts: what you prefer, over what, and for which goal')
      }
      return writeTransaction(deps, async (tx, events) => {
        const retros = retroRepository(tx)
        const before = await retros.findById(id)
        const retro = await retros.update(id, expectedVersion, changes, caller.actor)
        if (!retro) throw fail.notFound('retro', id)
        // The update succeeded at the version `before` was read at, so `before` is what it changed.
        const closed = retro.status === 'closed' && before?.status !== 'closed'
        await events.record(retroEvent(closed ? 'retro.closed' : 'retro.updated', retro))
        return retro
      })
    },

    /** The stated tradeoff becomes a strategy draft (and, if asked, a gap), linked from the retro: one transaction. */
    async publishStrategyDraft(caller: Caller, id: string, request: StrategyDraftRequest): Promise<RetroPublication> {
      await authorizeRetro(caller, id)
      const workspace = await workspaceOf(caller, id)
      const draft = strategyDraftFromRetro(workspace, {
        ...request,
        today: utcDay(deps.now()),
        viewerTeamIds: caller.viewer.teamIds,
      })
      if (!draft) throw fail.invalid(STATE_THE_TRADEOFF)
      const ownerTeamId = draft.ownerTeamId
      if (!ownerTeamId) {
        throw fail.invalidField(
          'ownerTeamId',
          'Name the team that owns the strategy (ownerTeamId): no incident names a decision owner',
        )
      }
      authorize(caller, 'strategy.write', { teamIds: [ownerTeamId] })
      if (request.openGap) authorize(caller, 'gap.create')
      const gap =
        request.openGap && workspace.gaps.length === 0 && !workspace.retro.gapId ? strategyGapFromRetro(workspace, {}) : null
      return writeTransaction(deps, async (tx, events) => {
        const before = await retroRepository(tx).lock(id)
        if (!before) throw fail.notFound('retro', id)
        if (!before.tradeoff) throw fail.invalidField('tradeoff', STATE_THE_TRADEOFF)
        const strategies = strategyRepository(tx)
        const existing = before.strategyId ? await strategies.findById(before.strategyId) : undefined
        if (existing) {
          throw fail.conflict(`This retro's tradeoff is already a strategy draft (${existing.id}): change that draft instead`)
        }
        const strategy = await strategies.create({ ...draft, ownerTeamId }, caller.actor)
        await events.record(strategyCreated(strategy, id))
        const openedGap = gap ? await openGap(tx, events, caller, before, gap) : null
        const links = { strategyId: strategy.id, ...(openedGap ? { gapId: openedGap.id } : {}) }
        const retro = await retroRepository(tx).link(id, links, caller.actor, 'publish_strategy_draft')
        if (!retro) throw fail.notFound('retro', id)
        await events.record(retroEvent('retro.updated', retro))
        return { retro, strategy, gap: openedGap }
      })
    },

    async openStrategyGap(caller: Caller, id: string, request: StrategyGapRequest): Promise<RetroPublication> {
      await authorizeRetro(caller, id)
      authorize(caller, 'gap.create')
      const gap = strategyGapFromRetro(await workspaceOf(caller, id), request)
      return writeTransaction(deps, async (tx, events) => {
        const before = await retroRepository(tx).lock(id)
        if (!before) throw fail.notFound('retro', id)
        const openedGap = await openGap(tx, events, caller, before, gap)
        const retro = await retroRepository(tx).link(id, { gapId: openedGap.id }, caller.actor, 'open_strategy_gap')
        if (!retro) throw fail.notFound('retro', id)
        await events.record(retroEvent('retro.updated', retro))
        return { retro, strategy: null, gap: openedGap }
      })
    },
  }
}

export type RetroService = ReturnType<typeof retroService>
