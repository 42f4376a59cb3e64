import { describe, expect, it } from 'vitest'
import type { LeadershipReview } from '../schemas/leadership'
import { incidentListPath, renderReviewMarkdown } from './review-markdown'

const teamA = '00000000-0000-4000-8000-00000000000a'
const gapId = '00000000-0000-4000-8000-0000000000b1'
const decisionId = '00000000-0000-4000-8000-0000000000d1'
const window = { from: '2026-01-01', to: '2026-03-31', today: '2026-04-01' }

const empty: LeadershipReview = {
  window,
  weeks: 8,
  formula: 'Rank = weighted harm',
  topGaps: [],
  staleStrategies: [],
  conflicts: [],
  beforeAfter: [],
  gapImpacts: [],
  actions: { alignment: 0, antiMisalignment: 0, antiMisalignmentShare: null },
  autonomyWins: 0,
  nearMisses: 0,
}

const teamName = (id: string) => (id === teamA ? 'Checkout | Web' : 'Unknown')

describe('incidentListPath', () => {
  it('writes the incident list filters the page reads, repeating list parameters', () => {
    expect(
      incidentListPath({
        reportingTeamId: ['a', 'b'],
        rootCause: ['conflicting_priorities'],
        from: '2026-01-01',
        to: '2026-01-31',
      }),
    ).toBe('/incidents?reportingTeamId=a&reportingTeamId=b&rootCause=conflicting_priorities&from=2026-01-01&to=2026-01-31')
  })

  it('is the bare list without filters', () => {
    expect(incidentListPath({})).toBe('/incidents')
  })
})

describe('renderReviewMarkdown', () => {
  it('says plainly when a section has nothing in it', () => {
    const md = renderReviewMarkdown(empty, { teamName })
    expect(md).toContain('# Leadership review, 2026-01-01 to 2026-03-31')
    expect(md).toContain('No published strategy is past its review date.')
    expect(md).toContain('No stated priorities contradict each other.')
    expect(md).toContain('Share of anti-misalignment: no actions recorded')
  })

  it('links every incident count to the list that reproduces it', () => {
    const md = renderReviewMarkdown(
      {
        ...empty,
        topGaps: [
          {
            gapId,
            title: 'No API policy',
            status: 'wont_fix',
            teamsAffected: 3,
            harm: { incidents: 12, weightedHarm: 140, query: { gapId, from: window.from, to: window.to } },
          },
        ],
      },
      { teamName, baseUrl: 'https://tracker.example.com/' },
    )
    expect(md).toContain(
      `| No API policy | won't fix | [12](https://tracker.example.com/incidents?gapId=${gapId}&from=2026-01-01&to=2026-03-31) | 140 | 3 |`,
    )
  })

  it('says what happened in each gap after its strategy, as the review screen does', () => {
    const side = (from: string, to: string, incidents: number, weightedHarm: number) => ({
      from,
      to,
      incidents,
      weightedHarm,
      decisions: 3,
    })
    const before = side('2026-01-06', '2026-03-02', 55, 600)
    const after = side('2026-03-03', '2026-04-27', 0, 0)
    const md = renderReviewMarkdown(
      {
        ...empty,
        gapImpacts: [
          {
            gapId,
            title: 'No API policy',
            status: 'published',
            impact: {
              gapId,
              strategyId: decisionId,
              strategyTitle: 'Additive API changes',
              publishedAt: '2026-03-03',
              windowWeeks: 8,
              before,
              after,
              series: [],
            },
            before: { incidents: 55, weightedHarm: 600, query: { gapId, from: before.from, to: before.to } },
            after: { incidents: 0, weightedHarm: 0, query: { gapId, from: after.from, to: after.to } },
          },
        ],
      },
      { teamName },
    )
    expect(md).toContain(
      '## Before and after, gap by gap\n\nThe one gap a published strategy addresses had fewer incidents after it.\n',
    )
    expect(md).toContain(
      `- **No API policy** by “Additive API changes”, published 2026-03-03: Incidents in this area fell from 55 to 0 in the 8 weeks after the strategy was published. Incidents −100% ([55](/incidents?gapId=${gapId}&from=2026-01-06&to=2026-03-02) → [0](/incidents?gapId=${gapId}&from=2026-03-03&to=2026-04-27)), weighted harm −100% (600 → 0).`,
    )
  })

  it('escapes user text so titles cannot break tables, links or headings', () => {
    const md = renderReviewMarkdown(
      {
        ...empty,
        staleStrategies: [
          {
            strategyId: gapId,
            title: '*Fast* | [click](http://x)\n# heading',
            ownerTeamId: teamA,
            reviewBy: '2025-12-01',
            daysOverdue: 121,
            coveredTeamIds: null,
            sinceReview: { incidents: 4, weightedHarm: 30, query: { from: '2025-12-02', to: window.to } },
            autonomyWins: 1,
          },
        ],
      },
      { teamName },
    )
    expect(md).toContain('\\*Fast\\* \\| \\[click\\]\\(http://x\\) \\# heading')
    expect(md).toContain('Checkout \\| Web')
    expect(md).not.toContain('[click](http://x)')
  })

  it('shows both sides of a conflict with each decision’s incidents', () => {
    const md = renderReviewMarkdown(
      {
        ...empty,
        conflicts: [
          {
            key: 'opposite:a > b',
            kind: 'opposite',
            sharedScopeTeamIds: null,
            isSuggested: false,
            incidents: 5,
            weightedHarm: 60,
            sideA: {
              prefer: 'checkout conversion',
              over: 'fraud-check strictness',
              preferPriorityId: null,
              overPriorityId: null,
              holders: [
                {
                  kind: 'decision',
                  id: decisionId,
                  title: 'Skip 3-D Secure',
                  teamId: teamA,
                  forGoal: 'revenue',
                  incidents: { incidents: 5, weightedHarm: 60, query: { decisionId, from: window.from, to: window.to } },
                  conflictingPriorities: { incidents: 5, weightedHarm: 60, query: { decisionId } },
                },
              ],
            },
            sideB: {
              prefer: 'fraud-check strictness',
              over: 'checkout conversion',
              preferPriorityId: null,
              overPriorityId: null,
              holders: [
                {
                  kind: 'strategy',
                  id: gapId,
                  title: 'Keep fraud down',
                  teamId: teamA,
                  forGoal: 'chargebacks',
                  incidents: null,
                  conflictingPriorities: null,
                },
              ],
            },
          },
        ],
      },
      { teamName },
    )
    expect(md).toContain(
      '### checkout conversion over fraud-check strictness against fraud-check strictness over checkout conversion',
    )
    expect(md).toContain(
      `decision “Skip 3-D Secure” (Checkout \\| Web): [5](/incidents?decisionId=${decisionId}&from=2026-01-01&to=2026-03-31) incidents`,
    )
    expect(md).toContain('strategy “Keep fraud down” (Checkout \\| Web)')
  })

  it('reports the share of anti-misalignment actions as a percentage', () => {
    const md = renderReviewMarkdown(
      { ...empty, actions: { alignment: 3, antiMisalignment: 1, antiMisalignmentShare: 0.25 }, autonomyWins: 7, nearMisses: 2 },
      { teamName },
    )
    expect(md).toContain('Share of anti-misalignment: 25%')
    expect(md).toContain('Autonomy wins (teams deciding on their own thanks to a strategy): 7')
    expect(md).toContain('Near misses (surprises without harm; not incidents): 2')
  })
})
