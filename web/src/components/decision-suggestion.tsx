import type { DecisionSuggestion } from '@misalign/shared'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { decisionConfidenceLabels, decisionReasonWords } from '../lib/insight-labels'
import { formatDay } from '../lib/labels'
import { Badge } from './page'

/** One suggested decision: what it is, how sure the engine is and why, and what a person can do with it. */
export function DecisionSuggestionItem({
  suggestion,
  discoveredAt,
  action,
}: {
  suggestion: DecisionSuggestion
  discoveredAt: string | null | undefined
  action?: ReactNode
}) {
  const { decision } = suggestion
  const reasons = decisionReasonWords(suggestion, discoveredAt)
  return (
    <li className="suggestion">
      <div className="suggestion-body">
        <p className="suggestion-title">
          <Badge tone={suggestion.confidence === 'likely' ? 'accent' : 'neutral'}>
            {decisionConfidenceLabels[suggestion.confidence]}
          </Badge>{' '}
          <Link to={`/decisions/${decision.id}`}>{decision.title}</Link>
        </p>
        <p className="meta">
          {decision.owningTeamName} · decided {formatDay(decision.decidedAt)}
          {decision.strategyBearing ? ' · carries a tradeoff' : ''}
        </p>
        {reasons.length > 0 && <p className="suggestion-reasons">Why: {reasons.join('; ')}.</p>}
      </div>
      {action && <div className="suggestion-action">{action}</div>}
    </li>
  )
}
