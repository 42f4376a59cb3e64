import type { AnalyticsRepository, IncidentViewer } from '@misalign/db'
import { type AnalyticsQuery, fail, type Headline, headlineWindows, utcDay } from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'

type Reads = Omit<AnalyticsRepository, 'headline'>
type Read<K extends keyof Reads> = (caller: Caller, query: Parameters<Reads[K]>[0]) => ReturnType<Reads[K]>

/**
 * The dashboard's read models. Every one counts incidents, so reading it follows 'incident.read';
 * the caller's visibility is applied in SQL (restricted incidents, small teams' anonymous reports).
 */
export function analyticsService(deps: ServiceDeps) {
  const reads = deps.repos.analytics

  function read<K extends keyof Reads>(
    run: (query: Parameters<Reads[K]>[0], viewer: IncidentViewer) => ReturnType<Reads[K]>,
  ): Read<K> {
    return (caller, query) => {
      authorize(caller, 'incident.read')
      return run(query, caller.viewer)
    }
  }

  return {
    trends: read<'trends'>(reads.trends),
    teamMatrix: read<'teamMatrix'>(reads.teamMatrix),
    discoveryLag: read<'discoveryLag'>(reads.discoveryLag),
    harm: read<'harm'>(reads.harm),
    topDecisions: read<'topDecisions'>(reads.topDecisions),
    topGaps: read<'topGaps'>(reads.topGaps),
    remediationMix: read<'remediationMix'>(reads.remediationMix),
    decisionClasses: read<'decisionClasses'>(reads.decisionClasses),

    /** The window (default: the dashboard's last 90 days) against the same number of days before it. */
    async headline(caller: Caller, query: AnalyticsQuery): Promise<Headline> {
      authorize(caller, 'incident.read')
      if (query.from && query.to && query.from > query.to) {
        throw fail.invalidField('from', `from (${query.from}) is after to (${query.to}): choose a from on or before to`)
      }
      return reads.headline(query, caller.viewer, headlineWindows(query, utcDay(deps.now())))
    },
  }
}

export type AnalyticsService = ReturnType<typeof analyticsService>
