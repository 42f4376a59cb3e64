import type { GapSuggestion, StrategyGap } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { incidentListHref } from '../../../lib/incident-filters'
import { countOf, formatDay } from '../../../lib/labels'
import { useGapSuggestions } from '../api/strategy-gaps'
import { GapForm, type GapPrefill } from './gap-forms'

const prefillOf = (s: GapSuggestion): GapPrefill => ({
  title: s.source === 'decision' ? `No stated strategy behind "${s.title}"` : s.title,
  description: s.missingContext.length
    ? `What the reports say was missing:\n${s.missingContext.map((q) => `- ${q}`).join('\n')}`
    : '',
  incidentIds: s.incidentIds,
  decisionIds: s.decisionIds,
})

/**
 * Decisions and clusters that hurt and count towards no gap yet; a decision and a cluster telling
 * the same story show once, with both named. "Open a gap" fills the form from the
 * suggestion; the form offers to attach its incidents so the new gap ranks with its evidence.
 */
export function GapSuggestions({
  window,
  mayCreate,
  onOpened,
}: {
  window: { from?: string; to?: string }
  mayCreate: boolean
  onOpened: (gap: StrategyGap) => void
}) {
  const suggestions = useGapSuggestions(window)
  const [chosen, setChosen] = useState<GapSuggestion | null>(null)
  if (suggestions.isPending) return <Loading label="Looking for harm that points at no gap" />
  if (suggestions.error) return <ProblemMessage error={suggestions.error} title="No suggestions could be made." />
  const { items, formula } = suggestions.data
  return (
    <section className="card" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested gaps</h2>
      <p className="hint">Decisions and clusters whose incidents count towards no gap yet. {formula}.</p>
      {items.length === 0 ? (
        <p>Every harmful decision and cluster in this window already points at a gap.</p>
      ) : (
        <ul className="suggestion-list">
          {items.map((s) => (
            <li key={`${s.source}-${s.sourceId}`}>
              <div className="suggestion-row">
                <div>
                  <div className="suggestion-title">
                    <Badge tone="neutral">{s.source === 'decision' ? 'Decision' : 'Cluster'}</Badge>{' '}
                    <Link
                      className="item-title"
                      to={s.source === 'decision' ? `/decisions/${s.sourceId}` : `/clusters/${s.sourceId}`}
                    >
                      {s.title}
                    </Link>
                  </div>
                  {s.reasons.length > 1 && (
                    <p className="meta">
                      Also told by{' '}
                      {s.reasons.slice(1).map((r, k) => (
                        <span key={r.sourceId}>
                          {k > 0 && ', '}
                          {r.source === 'decision' ? 'decision' : 'cluster'}{' '}
                          <Link to={r.source === 'decision' ? `/decisions/${r.sourceId}` : `/clusters/${r.sourceId}`}>
                            {r.title}
                          </Link>
                        </span>
                      ))}
                    </p>
                  )}
                  <div className="meta">
                    Weighted harm <strong>{s.weightedHarm}</strong> ·{' '}
                    {s.source === 'decision' ? (
                      <Link to={incidentListHref({ decisionId: s.sourceId })}>{countOf(s.incidents, 'incident')}</Link>
                    ) : (
                      countOf(s.incidents, 'incident')
                    )}{' '}
                    · {countOf(s.teamsAffected, 'team')} affected · last seen {formatDay(s.lastSeenAt)}
                  </div>
                </div>
                {mayCreate && (
                  <button type="button" className="button-secondary" onClick={() => setChosen(s)}>
                    Open a gap<span className="visually-hidden"> for {s.title}</span>
                  </button>
                )}
              </div>
              {chosen?.sourceId === s.sourceId && (
                <GapForm
                  key={s.sourceId}
                  prefill={prefillOf(s)}
                  onCancel={() => setChosen(null)}
                  onSaved={(gap) => {
                    setChosen(null)
                    onOpened(gap)
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
