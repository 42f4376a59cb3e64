import { type IncidentViewer, type LeadershipRepository, tradeoffRequestRepository } from '@misalign/db'
import {
  DomainError,
  fail,
  type LeadershipQuery,
  type LeadershipReview,
  type LeadershipReviewQuery,
  renderReviewMarkdown,
  type TradeoffRequest,
  type TradeoffRequestQuery,
  utcDay,
  windowProblem,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

/** The windowed reads of the review page, each answered for one caller's visibility and today. */
type WindowedRead = 'staleStrategies' | 'conflicts' | 'agreementOnly' | 'coverage' | 'decisionVisibility' | 'signals'
type Reads = LeadershipRepository

export interface ReviewExport {
  fileName: string
  markdown: string
}

export interface TradeoffRequested {
  request: TradeoffRequest
  /** False when a request was already open: asking again changes nothing. */
  created: boolean
}

/** A window that ends before it starts is a mistake the caller can fix (400, as a validation problem). */
function checkWindow(query: { from?: string; to?: string }): void {
  const problem = windowProblem(query)
  if (problem) {
    throw new DomainError('malformed', `${problem.field}: ${problem.message}`, { fields: [problem], code: 'validation' })
  }
}

/** What leadership reads, and the one write it makes: asking a team to state its tradeoff. */
export function leadershipService(deps: ServiceDeps) {
  const reads = deps.repos.leadership
  const today = () => utcDay(deps.now())

  function windowed<K extends WindowedRead>(
    run: (query: LeadershipQuery, viewer: IncidentViewer, today: string) => ReturnType<Reads[K]>,
  ): (caller: Caller, query: LeadershipQuery) => ReturnType<Reads[K]> {
    return (caller, query) => {
      authorize(caller, 'leadership.read')
      checkWindow(query)
      return run(query, caller.viewer, today())
    }
  }

  function review(caller: Caller, query: LeadershipReviewQuery): Promise<LeadershipReview> {
    authorize(caller, 'leadership.read')
    checkWindow(query)
    return deps.repos.leadershipReview.review(query, caller.viewer, today())
  }

  return {
    staleStrategies: windowed<'staleStrategies'>(reads.staleStrategies),
    conflicts: windowed<'conflicts'>(reads.conflicts),
    agreementOnly: windowed<'agreementOnly'>(reads.agreementOnly),
    coverage: windowed<'coverage'>(reads.coverage),
    decisionVisibility: windowed<'decisionVisibility'>(reads.decisionVisibility),
    signals: windowed<'signals'>(reads.signals),
    review,

    /** The same review as Markdown for a meeting doc, each count linked to the incident list. */
    async reviewMarkdown(caller: Caller, query: LeadershipReviewQuery): Promise<ReviewExport> {
      const found = await review(caller, query)
      const teams = await reads.teamNames()
      return {
        fileName: `leadership-review-${found.window.from}-to-${found.window.to}.md`,
        markdown: renderReviewMarkdown(found, { teamName: (id) => teams.get(id) ?? 'a team' }),
      }
    },

    async tradeoffRequests(caller: Caller, query: TradeoffRequestQuery): Promise<TradeoffRequest[]> {
      authorize(caller, 'tradeoff_request.read')
      return reads.requests.list(query)
    },

    /** Idempotent while a request is open: asking again answers the open one and records no event. */
    async requestTradeoff(caller: Caller, decisionId: string): Promise<TradeoffRequested> {
      authorize(caller, 'tradeoff_request.create')
      return writeTransaction(deps, async (tx, events) => {
        const result = await tradeoffRequestRepository(tx).request(decisionId, caller.actor)
        if (result.kind === 'no_decision') throw fail.notFound('decision', decisionId)
        if (result.kind === 'created') {
          await events.record({
            type: 'tradeoff-request.created',
            aggregateType: 'tradeoff_request',
            aggregateId: result.request.id,
            aggregateVersion: 1,
            payload: { decisionId, owningTeamId: result.request.owningTeamId, status: result.request.status },
          })
        }
        return { request: result.request, created: result.kind === 'created' }
      })
    },
  }
}

export type LeadershipService = ReturnType<typeof leadershipService>
