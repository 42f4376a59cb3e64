import type { ClusterDetail } from '@misalign/shared'
import { Link } from 'react-router'
import { countOf } from '../../../lib/labels'
import { signalLabels } from './labels'

/** Why these incidents belong together: computed from the members you may see. */
export function ClusterExplanation({ cluster }: { cluster: ClusterDetail }) {
  const { explanation: e } = cluster
  return (
    <section className="card" aria-labelledby="cluster-why">
      <h2 id="cluster-why">Why they belong together</h2>
      {e.signals.length === 0 && <p className="hint">No signal holds among the incidents you can see.</p>}
      <ul className="cluster-reasons">
        {e.decision && (
          <li>
            <strong>{signalLabels.same_decision}:</strong> <Link to={`/decisions/${e.decision.id}`}>{e.decision.title}</Link> (
            {countOf(e.decision.count, 'incident')})
          </li>
        )}
        {e.gap && (
          <li>
            <strong>{signalLabels.same_strategy_gap}:</strong> <Link to={`/strategy-gaps/${e.gap.id}`}>{e.gap.title}</Link> (
            {countOf(e.gap.count, 'incident')})
          </li>
        )}
        {e.teamPair && (
          <li>
            <strong>{signalLabels.same_team_pair}:</strong> decisions of {e.teamPair.ownerTeamName} hurt{' '}
            {e.teamPair.reportingTeamName} ({countOf(e.teamPair.count, 'incident')} within 30 days of another)
          </li>
        )}
        {e.terms.length > 0 && (
          <li>
            <strong>{signalLabels.similar_text}:</strong> {e.terms.map((t) => `“${t}”`).join(', ')}
          </li>
        )}
      </ul>
    </section>
  )
}
