import { describe, expect, it } from 'vitest'
import { checkDecisionLinks } from './decision-links'

const incident = (n: number) => `00000000-0000-4000-8000-00000000000${n}`
const decision = '10000000-0000-4000-8000-000000000001'

describe('checking decision links', () => {
  it('accepts one link per incident, linking or unlinking', () => {
    expect(
      checkDecisionLinks([
        { incidentId: incident(1), decisionId: decision },
        { incidentId: incident(2), decisionId: null, decisionOwnerTeamId: decision },
      ]),
    ).toEqual([])
  })

  it('names every repeat of an incident, whatever the letter case', () => {
    const problems = checkDecisionLinks([
      { incidentId: incident(1), decisionId: decision },
      { incidentId: incident(2), decisionId: null },
      { incidentId: incident(1).toUpperCase(), decisionId: null },
    ])
    expect(problems).toEqual([{ field: 'links.2.incidentId', message: expect.stringMatching(/already in link 0/) }])
  })

  it('refuses an owner team beside a decision, which would only contradict it', () => {
    const problems = checkDecisionLinks([{ incidentId: incident(1), decisionId: decision, decisionOwnerTeamId: decision }])
    expect(problems.map((p) => p.field)).toEqual(['links.0.decisionOwnerTeamId'])
  })
})
