/**
 * The leadership review as Markdown, for a leadership meeting doc. Pure: the caller passes the
 * review (already computed for the viewer) and how to name a team. User text (titles,
 * tradeoffs) is escaped, so "*fast* [x](y)" prints as written. Every incident number links to
 * the incident list that reproduces it.
 */
import type { IncidentListQuery, LeadershipReview } from '../schemas/leadership'
import { WEIGHTED_HARM_EXPLANATION } from './harm'
import { impactChange, impactSentence, impactSummary } from './impact-sentence'
import { escapeMarkdown } from './retro-markdown'

/** `/incidents?…` for a query, in the URL vocabulary of the incident list's filters. */
export function incidentListPath(query: IncidentListQuery): string {
  const search = new URLSearchParams()
  for (const id of query.reportingTeamId ?? []) search.append('reportingTeamId', id)
  for (const cause of query.rootCause ?? []) search.append('rootCause', cause)
  if (query.decisionId) search.set('decisionId', query.decisionId)
  if (query.gapId) search.set('gapId', query.gapId)
  if (query.strategyId) search.set('strategyId', query.strategyId)
  if (query.from) search.set('from', query.from)
  if (query.to) search.set('to', query.to)
  const text = search.toString()
  return text ? `/incidents?${text}` : '/incidents'
}

export interface ReviewMarkdownOptions {
  teamName: (id: string) => string
  /** Prefix for links, e.g. "https://tracker.example.com"; relative links when empty. */
  baseUrl?: string
}

const gapStatusWords: Record<string, string> = {
  open: 'open',
  acknowledged: 'acknowledged',
  published: 'published',
  verified: 'verified',
  wont_fix: "won't fix",
}

const percent = (share: number | null) => (share === null ? 'no actions recorded' : `${Math.round(share * 100)}%`)

export function renderReviewMarkdown(review: LeadershipReview, options: ReviewMarkdownOptions): string {
  const base = options.baseUrl?.replace(/\/$/, '') ?? ''
  const count = (n: number, query: IncidentListQuery) => `[${n}](${base}${incidentListPath(query)})`
  const team = (id: string) => escapeMarkdown(options.teamName(id))
  const cell = (text: string) => escapeMarkdown(text)
  const { window } = review
  const out: string[] = []

  out.push(`# Leadership review, ${window.from} to ${window.to}`, '')
  out.push(
    `Prepared on ${window.today}. ${WEIGHTED_HARM_EXPLANATION}, summed. Each incident count links to the incident list that reproduces it.`,
    '',
  )

  out.push('## Top strategy gaps', '', cell(review.formula), '')
  if (review.topGaps.length === 0) out.push('No incident in the window points at a strategy gap.', '')
  else {
    out.push('| Gap | Status | Incidents | Weighted harm | Teams affected |', '| --- | --- | ---: | ---: | ---: |')
    for (const g of review.topGaps) {
      out.push(
        `| ${cell(g.title)} | ${gapStatusWords[g.status] ?? g.status} | ${count(g.harm.incidents, g.harm.query)} | ${g.harm.weightedHarm} | ${g.teamsAffected} |`,
      )
    }
    out.push('')
  }

  out.push('## Stale strategies', '')
  if (review.staleStrategies.length === 0) out.push('No published strategy is past its review date.', '')
  else {
    out.push(
      '| Strategy | Owner | Review by | Days overdue | Incidents in its gaps since | Weighted harm | Autonomy wins |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    )
    for (const s of review.staleStrategies) {
      out.push(
        `| ${cell(s.title)} | ${team(s.ownerTeamId)} | ${s.reviewBy} | ${s.daysOverdue} | ${count(s.sinceReview.incidents, s.sinceReview.query)} | ${s.sinceReview.weightedHarm} | ${s.autonomyWins} |`,
      )
    }
    out.push('')
  }

  out.push('## Conflicting priorities', '')
  if (review.conflicts.length === 0) out.push('No stated priorities contradict each other.', '')
  for (const c of review.conflicts) {
    const a = `${c.sideA.prefer} over ${c.sideA.over}`
    const b = `${c.sideB.prefer} over ${c.sideB.over}`
    const kind = c.kind === 'opposite' ? 'opposite priorities' : 'competing goals in a shared scope'
    const basis = c.isSuggested ? ' Found through suggested priorities nobody has confirmed yet.' : ''
    out.push(`### ${cell(a)} against ${cell(b)}`, '', `${kind}; a candidate for a decision one level up.${basis}`, '')
    for (const side of [c.sideA, c.sideB]) {
      out.push(`- ${cell(side.prefer)} over ${cell(side.over)}:`)
      for (const h of side.holders) {
        const harm = h.incidents
          ? `: ${count(h.incidents.incidents, h.incidents.query)} incidents, weighted harm ${h.incidents.weightedHarm}`
          : ''
        out.push(`  - ${h.kind} “${cell(h.title)}” (${team(h.teamId)})${harm}`)
      }
    }
    out.push('')
  }

  out.push('## Before and after, gap by gap', '')
  if (review.gapImpacts.length > 0) out.push(impactSummary(review.gapImpacts), '')
  if (review.gapImpacts.length === 0) out.push('No strategy gap is addressed by a strategy published at least a week ago.', '')
  for (const g of review.gapImpacts) {
    const { impact } = g
    const sentence = impactSentence({ weeks: impact.windowWeeks, before: g.before.incidents, after: g.after.incidents })
    const strategy = impact.strategyTitle ? ` by “${cell(impact.strategyTitle)}”, published ${impact.publishedAt}` : ''
    out.push(
      `- **${cell(g.title)}**${strategy}: ${sentence} Incidents ${impactChange(g.before.incidents, g.after.incidents).label} (${count(g.before.incidents, g.before.query)} → ${count(g.after.incidents, g.after.query)}), weighted harm ${impactChange(g.before.weightedHarm, g.after.weightedHarm).label} (${g.before.weightedHarm} → ${g.after.weightedHarm}).`,
    )
  }
  if (review.gapImpacts.length > 0) out.push('')

  out.push('## Before and after recently published strategies', '')
  if (review.beforeAfter.length === 0) out.push('No strategy was published in the window at least a week ago.', '')
  else {
    out.push(
      '| Strategy | Published | Weeks each side | Before: incidents in its gaps | Before: weighted harm | After: incidents in its gaps | After: weighted harm | Autonomy wins |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    )
    for (const s of review.beforeAfter) {
      out.push(
        `| ${cell(s.title)} | ${s.publishedAt} | ${s.weeks} | ${count(s.before.incidents, s.before.query)} | ${s.before.weightedHarm} | ${count(s.after.incidents, s.after.query)} | ${s.after.weightedHarm} | ${s.autonomyWins} |`,
      )
    }
    out.push('')
  }

  const actions = review.actions
  out.push(
    '## Follow-up actions',
    '',
    `- Alignment actions (sharing context): ${actions.alignment}`,
    `- Anti-misalignment actions (adding control): ${actions.antiMisalignment}`,
    `- Share of anti-misalignment: ${percent(actions.antiMisalignmentShare)}`,
    '',
  )

  out.push(
    '## Good news',
    '',
    `- Autonomy wins (teams deciding on their own thanks to a strategy): ${review.autonomyWins}`,
    `- Near misses (surprises without harm; not incidents): ${review.nearMisses}`,
    '',
  )
  return out.join('\n')
}
