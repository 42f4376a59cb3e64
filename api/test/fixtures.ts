import type { InjectOptions, LightMyRequestResponse } from 'fastify'

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>
let counter = 0

/** Creates a team through the API, as an admin would, and returns it. */
export async function createTeam(inject: Inject, overrides: Record<string, unknown> = {}) {
  counter += 1
  const res = await inject({
    method: 'POST',
    url: '/api/v1/teams',
    payload: { slug: `team-${counter}`, name: `Team ${counter}`, ...overrides },
  })
  if (res.statusCode !== 201) throw new Error(`createTeam failed: ${res.statusCode} ${res.body}`)
  return res.json() as { id: string; slug: string; version: number }
}

export function incidentBody(reportingTeamId: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Payments API v1 deprecated without notice',
    narrative: 'We found out in code review that v1 goes away next month.',
    reportingTeamId,
    discoveredAt: '2026-03-14',
    discoveryChannel: 'code_review',
    expected: 'A deprecation window of two quarters',
    surprise: 4,
    harmedGoal: 'Ship the new checkout by April',
    harm: 3,
    harmKinds: ['rework', 'delay'],
    missingContext: 'That the payments team prefers a single API over backwards compatibility',
    ...overrides,
  }
}

export async function fileIncident(inject: Inject, reportingTeamId: string, overrides: Record<string, unknown> = {}) {
  const res = await inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentBody(reportingTeamId, overrides) })
  if (res.statusCode !== 201) throw new Error(`fileIncident failed: ${res.statusCode} ${res.body}`)
  return res.json() as { id: string; number: number; key: string; version: number }
}
