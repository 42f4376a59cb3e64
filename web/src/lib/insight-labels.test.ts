import type { DecisionSuggestion, SimilarIncident } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { decisionReasonWords, incidentReasonWords } from './insight-labels'

const suggestion = (overrides: Partial<DecisionSuggestion>): DecisionSuggestion => ({
  decision: {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Cut access token lifetime to 15 minutes',
    summary: '',
    owningTeamId: '00000000-0000-4000-8000-000000000002',
    owningTeamName: 'Identity',
    decidedAt: '2026-03-01',
    status: 'active',
    strategyBearing: false,
  },
  score: 1,
  confidence: 'likely',
  reasons: [],
  terms: [],
  viaIncidents: [],
  ...overrides,
})
const ref = (n: number) => ({ id: `00000000-0000-4000-8000-00000000001${n}`, key: `MIS-${n}`, title: 'x' })

describe('reasons in plain words', () => {
  it('counts the similar reports that name a decision and the days before discovery', () => {
    const words = decisionReasonWords(
      suggestion({ reasons: ['similar_incidents', 'decided_before_discovery'], viaIncidents: [ref(1), ref(2), ref(3)] }),
      '2026-03-13',
    )
    expect(words).toEqual(['3 similar reports name it', 'decided 12 days before you found out'])
  })

  it('quotes the shared words, and says one report names it in the singular', () => {
    const words = decisionReasonWords(
      suggestion({ reasons: ['register_text', 'similar_incidents'], terms: ['token', 'expiry'], viaIncidents: [ref(1)] }),
      null,
    )
    expect(words).toEqual(['it is written in your words: “token”, “expiry”', '1 similar report names it'])
  })

  it('says each reason for a similar incident once', () => {
    const incident = { reasons: ['similar_text', 'register_text', 'same_decision'], terms: [] } as unknown as SimilarIncident
    expect(incidentReasonWords(incident)).toEqual(['similar words', 'same decision'])
  })
})
