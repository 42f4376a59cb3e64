import { clusterEdits, clusterMembers, clusters, queryRows, sql } from '@misalign/db'
import { type Action, policy } from '@misalign/shared'
import type { InjectOptions } from 'fastify'
import { describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { type ActorName, type TestContext, useTestApp } from '../helper'

// Every tracker's webhook is configured, so its route is documented and probed (unsigned: 401 for all).
const trackerSecret = 'tracker-test-secret-0123456789'
const ctx = useTestApp({ issueTrackers: { github: trackerSecret, linear: trackerSecret, jira: trackerSecret } })

/** Fresh resources for one request, all owned by the `home` team; the incident is the member's. */
async function makeWorld(ctx: TestContext) {
  const post = async (url: string, payload: object, as: ActorName = 'admin') => {
    const res = await ctx.as(as).inject({ method: 'POST', url, payload })
    if (res.statusCode !== 201) throw new Error(`world: POST ${url} → ${res.statusCode} ${res.body}`)
    return res.json() as { id: string }
  }
  const home = ctx.teams.home
  const tradeoffs = [{ prefer: 'one API', over: 'backwards compatibility', forGoal: 'a smaller surface' }]
  const strategy = { title: 'API strategy', ownerTeamId: home, tradeoffs, reviewBy: '2027-06-30' }
  const published = await post('/api/v1/strategies', strategy)
  await ctx.inject({ method: 'POST', url: `/api/v1/strategies/${published.id}/publish`, headers: { 'if-match': '"1"' } })
  const incident = await post('/api/v1/incidents', incidentBody(home), 'member')
  const cluster = await clusterWorld(ctx, incident.id)
  // Another team's incident that hurt the home team too: the member said so.
  const awayIncident = await post('/api/v1/incidents', incidentBody(ctx.teams.away), 'outsider')
  const impact = await post(`/api/v1/incidents/${awayIncident.id}/impacts`, { teamId: home, surprise: 3, harm: 2 }, 'member')
  const retro = await makeRetroWorld(ctx)
  const issueLinks = {
    action: await post(`/api/v1/actions/${retro.actionId}/links`, { url: 'https://acme.atlassian.net/browse/ABC-1' }),
    incident: await post(`/api/v1/incidents/${incident.id}/links`, { url: 'https://acme.atlassian.net/browse/ABC-1' }),
  }
  return {
    home,
    ...cluster,
    decision: await post('/api/v1/decisions', { title: 'Drop v1', owningTeamId: home, decidedAt: '2026-01-10' }),
    draft: await post('/api/v1/strategies', strategy),
    published,
    gap: await post('/api/v1/strategy-gaps', { title: 'No API lifecycle strategy' }),
    incident,
    awayIncident,
    secondAwayIncident: await post('/api/v1/incidents', incidentBody(ctx.teams.away), 'outsider'),
    impact,
    team: await post('/api/v1/teams', { slug: `t-${Math.random().toString(36).slice(2, 10)}`, name: 'Temp' }),
    user: await post('/api/v1/users', {
      email: `u${Math.random().toString(36).slice(2)}@test.example`,
      displayName: 'U',
      role: 'member',
    }),
    token: await post('/api/v1/tokens', { userId: ctx.actors.member.id }),
    retro,
    issueLinks,
    priority: await post('/api/v1/priorities', { name: `Priority ${Math.random().toString(36).slice(2, 10)}` }),
    otherPriority: await post('/api/v1/priorities', { name: `Priority ${Math.random().toString(36).slice(2, 10)}` }),
    ...(await webhookWorld(ctx)),
  }
}

/** An endpoint no event type of the probes reaches (.invalid never resolves), with one test delivery. */
async function webhookWorld(ctx: TestContext) {
  const created = await ctx.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    payload: { url: 'https://hooks.invalid/in', eventTypes: ['strategy.revised'] },
  })
  const webhook = created.json() as { id: string }
  const test = await ctx.inject({ method: 'POST', url: `/api/v1/webhooks/${webhook.id}/test` })
  return { webhook, webhookDelivery: test.json() as { id: string } }
}

/** A retro (version 2, with a stated tradeoff and one action) on a cluster of one home-team incident. */
async function makeRetroWorld(ctx: TestContext) {
  const filed = await ctx.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentBody(ctx.teams.home) })
  const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Cluster', status: 'confirmed' }).returning()
  if (!cluster) throw new Error('world: no cluster')
  await ctx.database.db.insert(clusterMembers).values({ clusterId: cluster.id, incidentId: filed.json().id, source: 'auto' })
  const retro = await ctx.inject({ method: 'POST', url: '/api/v1/retros', payload: { clusterId: cluster.id, title: 'Retro' } })
  const id: string = retro.json().id
  const tradeoff = { prefer: 'one API', over: 'compatibility', forGoal: 'speed' }
  await ctx.inject({ method: 'PATCH', url: `/api/v1/retros/${id}`, headers: { 'if-match': '"1"' }, payload: { tradeoff } })
  const action = await ctx.inject({
    method: 'POST',
    url: `/api/v1/retros/${id}/actions`,
    payload: { description: 'Share it', ownerTeamId: ctx.teams.home, kind: 'share_strategy' },
  })
  return { id, clusterId: cluster.id, actionId: action.json().id as string }
}
/** Two clusters over copies of the world's incident, and one logged edit to revert. */
async function clusterWorld(ctx: TestContext, incidentId: string) {
  const copy = async () => {
    const [row] = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`insert into incidents (title, narrative, reporting_team_id, discovered_at, discovery_channel, expected, surprise,
        harmed_goal, harm, missing_context) select title, narrative, reporting_team_id, discovered_at, discovery_channel,
        expected, surprise, harmed_goal, harm, missing_context from incidents where id = ${incidentId} returning id`,
    )
    if (!row) throw new Error('world: incident copy failed')
    return row.id
  }
  const [second, third] = [await copy(), await copy()]
  const [cluster, other] = await ctx.database.db
    .insert(clusters)
    .values([{ title: 'World cluster' }, { title: 'Other cluster' }])
    .returning()
  if (!cluster || !other) throw new Error('world: no clusters')
  await ctx.database.db.insert(clusterMembers).values([
    { clusterId: cluster.id, incidentId, source: 'auto' },
    { clusterId: cluster.id, incidentId: second, source: 'auto' },
    { clusterId: other.id, incidentId: third, source: 'auto' },
  ])
  const [edit] = await ctx.database.db
    .insert(clusterEdits)
    .values({ clusterId: cluster.id, kind: 'rename', payload: { before: 'Old', after: 'World cluster' } })
    .returning()
  if (!edit) throw new Error('world: no edit')
  return { cluster, otherCluster: other, clusterEdit: edit, secondIncidentId: second, thirdIncidentId: third }
}
type World = Awaited<ReturnType<typeof makeWorld>>

interface Probe {
  request: (w: World) => InjectOptions
  /** The answer when the policy allows it. */
  ok: number
  /** Whose resource it is: the home team's, the member's own, the caller's own, or nobody's (org-wide). */
  owner: 'team' | 'member' | 'caller' | 'org'
}

const ifMatch = { 'if-match': '"1"' }
const probes: Record<string, Probe> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), ok: 200, owner: 'org' },
  'GET /api/ready': { request: () => ({ url: '/api/ready' }), ok: 200, owner: 'org' },
  'POST /api/v1/auth/sign-in': {
    request: () => ({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'x@test.example', password: 'wrong' } }),
    ok: 401,
    owner: 'org',
  },
  'GET /api/v1/auth/session': { request: () => ({ url: '/api/v1/auth/session' }), ok: 200, owner: 'caller' },
  'GET /api/v1/auth/whoami': { request: () => ({ url: '/api/v1/auth/whoami' }), ok: 200, owner: 'org' },
  'POST /api/v1/auth/sign-out': { request: () => ({ method: 'POST', url: '/api/v1/auth/sign-out' }), ok: 204, owner: 'caller' },
  'GET /api/v1/teams': { request: () => ({ url: '/api/v1/teams' }), ok: 200, owner: 'org' },
  'GET /api/v1/teams/{id}': { request: (w) => ({ url: `/api/v1/teams/${w.team.id}` }), ok: 200, owner: 'org' },
  'POST /api/v1/teams': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { slug: `n-${Math.random().toString(36).slice(2, 9)}`, name: 'New' },
    }),
    ok: 201,
    owner: 'org',
  },
  'PATCH /api/v1/teams/{id}': {
    request: (w) => ({ method: 'PATCH', url: `/api/v1/teams/${w.team.id}`, headers: ifMatch, payload: { name: 'Renamed' } }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/incidents': { request: () => ({ url: '/api/v1/incidents' }), ok: 200, owner: 'org' },
  'GET /api/v1/incidents/export': { request: () => ({ url: '/api/v1/incidents/export?format=csv' }), ok: 200, owner: 'org' },
  'GET /api/v1/incidents/{id}': { request: (w) => ({ url: `/api/v1/incidents/${w.incident.id}` }), ok: 200, owner: 'org' },
  'POST /api/v1/incidents': {
    request: (w) => ({ method: 'POST', url: '/api/v1/incidents', payload: incidentBody(w.home) }),
    ok: 201,
    owner: 'org',
  },
  'PATCH /api/v1/incidents/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/incidents/${w.incident.id}`,
      headers: ifMatch,
      payload: { status: 'triaged' },
    }),
    ok: 200,
    owner: 'member',
  },
  'GET /api/v1/signals': { request: () => ({ url: '/api/v1/signals' }), ok: 200, owner: 'org' },
  'POST /api/v1/signals': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/signals',
      payload: { kind: 'near_miss', teamId: w.home, note: 'Surprised, not hurt', occurredAt: '2026-02-01' },
    }),
    ok: 201,
    owner: 'org',
  },
  'GET /api/v1/decisions': { request: () => ({ url: '/api/v1/decisions' }), ok: 200, owner: 'org' },
  'GET /api/v1/decisions/export': { request: () => ({ url: '/api/v1/decisions/export?format=csv' }), ok: 200, owner: 'org' },
  'GET /api/v1/decisions/incident-counts': {
    request: () => ({ url: '/api/v1/decisions/incident-counts' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/decisions/{id}': { request: (w) => ({ url: `/api/v1/decisions/${w.decision.id}` }), ok: 200, owner: 'org' },
  'POST /api/v1/decisions': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'New', owningTeamId: w.home, decidedAt: '2026-02-01' },
    }),
    ok: 201,
    owner: 'org',
  },
  'PATCH /api/v1/decisions/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/decisions/${w.decision.id}`,
      headers: ifMatch,
      payload: { summary: 'Why' },
    }),
    ok: 200,
    owner: 'team',
  },
  'GET /api/v1/strategies': { request: () => ({ url: '/api/v1/strategies' }), ok: 200, owner: 'org' },
  'GET /api/v1/strategies/export': { request: () => ({ url: '/api/v1/strategies/export?format=csv' }), ok: 200, owner: 'org' },
  'GET /api/v1/priorities': { request: () => ({ url: '/api/v1/priorities?q=priority' }), ok: 200, owner: 'org' },
  'GET /api/v1/priorities/{id}': { request: (w) => ({ url: `/api/v1/priorities/${w.priority.id}` }), ok: 200, owner: 'org' },
  'GET /api/v1/priorities/suggestions': {
    request: () => ({ url: '/api/v1/priorities/suggestions?text=one%20api' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/priorities/tradeoffs-to-confirm': {
    request: () => ({ url: '/api/v1/priorities/tradeoffs-to-confirm' }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/priorities': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/priorities',
      payload: { name: `New ${Math.random().toString(36).slice(2, 10)}` },
    }),
    ok: 201,
    owner: 'org',
  },
  'PATCH /api/v1/priorities/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/priorities/${w.priority.id}`,
      headers: ifMatch,
      payload: { description: 'What it means' },
    }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/priorities/tradeoffs-to-confirm': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/priorities/tradeoffs-to-confirm',
      // The published strategy: created, then published (version 2).
      headers: { 'if-match': '"2"' },
      payload: {
        holderKind: 'strategy',
        holderId: w.published.id,
        tradeoffIndex: 0,
        preferPriorityId: w.priority.id,
        overPriorityId: w.otherPriority.id,
      },
    }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/strategies/{id}': { request: (w) => ({ url: `/api/v1/strategies/${w.draft.id}` }), ok: 200, owner: 'org' },
  'GET /api/v1/strategies/{id}/revisions': {
    request: (w) => ({ url: `/api/v1/strategies/${w.published.id}/revisions` }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/strategies': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/strategies',
      payload: { title: 'S', ownerTeamId: w.home, tradeoffs: [{ prefer: 'a', over: 'b', forGoal: 'c' }], reviewBy: '2027-01-01' },
    }),
    ok: 201,
    owner: 'team',
  },
  'PATCH /api/v1/strategies/{id}': {
    request: (w) => ({ method: 'PATCH', url: `/api/v1/strategies/${w.draft.id}`, headers: ifMatch, payload: { context: 'Why' } }),
    ok: 200,
    owner: 'team',
  },
  'POST /api/v1/strategies/{id}/publish': {
    request: (w) => ({ method: 'POST', url: `/api/v1/strategies/${w.draft.id}/publish`, headers: ifMatch }),
    ok: 200,
    owner: 'team',
  },
  'POST /api/v1/strategies/{id}/retire': {
    request: (w) => ({ method: 'POST', url: `/api/v1/strategies/${w.published.id}/retire`, headers: { 'if-match': '"2"' } }),
    ok: 200,
    owner: 'team',
  },
  'POST /api/v1/strategies/{id}/revisions': {
    request: (w) => ({ method: 'POST', url: `/api/v1/strategies/${w.published.id}/revisions` }),
    ok: 201,
    owner: 'team',
  },
  'GET /api/v1/strategy-gaps': { request: () => ({ url: '/api/v1/strategy-gaps' }), ok: 200, owner: 'org' },
  'GET /api/v1/strategy-gaps/export': {
    request: () => ({ url: '/api/v1/strategy-gaps/export?format=csv' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/strategy-gaps/{id}': { request: (w) => ({ url: `/api/v1/strategy-gaps/${w.gap.id}` }), ok: 200, owner: 'org' },
  'GET /api/v1/strategy-gaps/ranking': { request: () => ({ url: '/api/v1/strategy-gaps/ranking' }), ok: 200, owner: 'org' },
  'GET /api/v1/strategy-gaps/suggestions': {
    request: () => ({ url: '/api/v1/strategy-gaps/suggestions' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/strategy-gaps/{id}/impact': {
    request: (w) => ({ url: `/api/v1/strategy-gaps/${w.gap.id}/impact` }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/strategy-gaps/{id}/context': {
    request: (w) => ({ url: `/api/v1/strategy-gaps/${w.gap.id}/context` }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/strategy-gaps': {
    request: () => ({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'Gap' } }),
    ok: 201,
    owner: 'org',
  },
  'PATCH /api/v1/strategy-gaps/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/strategy-gaps/${w.gap.id}`,
      headers: ifMatch,
      payload: { description: 'More' },
    }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/strategy-gaps/{id}/transitions': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/strategy-gaps/${w.gap.id}/transitions`,
      headers: ifMatch,
      payload: { to: 'wont_fix', reason: 'Out of scope this year' },
    }),
    ok: 200,
    owner: 'org',
  },
  // The world's gap is open: a caller allowed to move gaps hears "acknowledge it first" (422), others 403.
  'POST /api/v1/strategy-gaps/{id}/strategy-draft': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/strategy-gaps/${w.gap.id}/strategy-draft`,
      headers: ifMatch,
      payload: {
        title: 'Drafted from the gap',
        ownerTeamId: w.home,
        tradeoffs: [{ prefer: 'one API', over: 'compatibility', forGoal: 'speed' }],
        reviewBy: '2099-12-31',
      },
    }),
    ok: 422,
    owner: 'org',
  },
  'POST /api/v1/strategy-gaps/{id}/attach': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/strategy-gaps/${w.gap.id}/attach`,
      payload: { decisionIds: [w.decision.id] },
    }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/strategy-gaps/{id}/detach': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/strategy-gaps/${w.gap.id}/detach`,
      payload: { decisionIds: [w.decision.id] },
    }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/users': { request: () => ({ url: '/api/v1/users' }), ok: 200, owner: 'org' },
  'GET /api/v1/users/{id}': { request: (w) => ({ url: `/api/v1/users/${w.user.id}` }), ok: 200, owner: 'org' },
  'POST /api/v1/users': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: `n${Math.random().toString(36).slice(2)}@test.example`, displayName: 'N', role: 'member' },
    }),
    ok: 201,
    owner: 'org',
  },
  'PATCH /api/v1/users/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/users/${w.user.id}`,
      headers: ifMatch,
      payload: { displayName: 'Renamed' },
    }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/tokens': { request: () => ({ url: '/api/v1/tokens' }), ok: 200, owner: 'org' },
  'POST /api/v1/tokens': {
    request: (w) => ({ method: 'POST', url: '/api/v1/tokens', payload: { userId: w.user.id } }),
    ok: 201,
    owner: 'org',
  },
  'DELETE /api/v1/tokens/{id}': {
    request: (w) => ({ method: 'DELETE', url: `/api/v1/tokens/${w.token.id}` }),
    ok: 204,
    owner: 'org',
  },
  'GET /api/v1/analytics/trends': { request: () => ({ url: '/api/v1/analytics/trends' }), ok: 200, owner: 'org' },
  'GET /api/v1/analytics/headline': { request: () => ({ url: '/api/v1/analytics/headline' }), ok: 200, owner: 'org' },
  'GET /api/v1/analytics/team-matrix': { request: () => ({ url: '/api/v1/analytics/team-matrix' }), ok: 200, owner: 'org' },
  'GET /api/v1/analytics/discovery-lag': { request: () => ({ url: '/api/v1/analytics/discovery-lag' }), ok: 200, owner: 'org' },
  'GET /api/v1/analytics/harm': { request: () => ({ url: '/api/v1/analytics/harm' }), ok: 200, owner: 'org' },
  'GET /api/v1/analytics/top-decisions': { request: () => ({ url: '/api/v1/analytics/top-decisions' }), ok: 200, owner: 'org' },
  'GET /api/v1/analytics/top-strategy-gaps': {
    request: () => ({ url: '/api/v1/analytics/top-strategy-gaps' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/analytics/remediation-mix': {
    request: () => ({ url: '/api/v1/analytics/remediation-mix' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/analytics/decision-classes': {
    request: () => ({ url: '/api/v1/analytics/decision-classes' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/triage/no-decision': { request: () => ({ url: '/api/v1/triage/no-decision' }), ok: 200, owner: 'org' },
  'GET /api/v1/triage/overdue-actions': { request: () => ({ url: '/api/v1/triage/overdue-actions' }), ok: 200, owner: 'org' },
  'POST /api/v1/incidents/decision-links': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/incidents/decision-links',
      payload: { links: [{ incidentId: w.incident.id, decisionId: w.decision.id }] },
    }),
    ok: 200,
    owner: 'member',
  },
  'GET /api/v1/incidents/similar': {
    request: () => ({ url: '/api/v1/incidents/similar?text=payments%20deprecated' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/decisions/suggestions': {
    request: () => ({ url: '/api/v1/decisions/suggestions?text=payments%20deprecated' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/incidents/{id}/decision-suggestions': {
    request: (w) => ({ url: `/api/v1/incidents/${w.incident.id}/decision-suggestions` }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/incidents/{id}/similar': {
    request: (w) => ({ url: `/api/v1/incidents/${w.incident.id}/similar` }),
    ok: 200,
    owner: 'org',
  },
  'PUT /api/v1/incidents/{id}/unrelated/{otherId}': {
    request: (w) => ({ method: 'PUT', url: `/api/v1/incidents/${w.incident.id}/unrelated/${w.secondIncidentId}` }),
    ok: 204,
    owner: 'org',
  },
  'DELETE /api/v1/incidents/{id}/unrelated/{otherId}': {
    request: (w) => ({ method: 'DELETE', url: `/api/v1/incidents/${w.incident.id}/unrelated/${w.secondIncidentId}` }),
    ok: 204,
    owner: 'org',
  },
  'GET /api/v1/incidents/{id}/activity': {
    request: (w) => ({ url: `/api/v1/incidents/${w.incident.id}/activity` }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/incidents/{id}/comments': {
    request: (w) => ({ method: 'POST', url: `/api/v1/incidents/${w.incident.id}/comments`, payload: { body: 'Us too' } }),
    ok: 201,
    owner: 'org',
  },
  'GET /api/v1/incidents/{id}/impacts': {
    request: (w) => ({ url: `/api/v1/incidents/${w.awayIncident.id}/impacts` }),
    ok: 200,
    owner: 'org',
  },
  // The home team says another team's incident hurt it too.
  'POST /api/v1/incidents/{id}/impacts': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/incidents/${w.secondAwayIncident.id}/impacts`,
      payload: { teamId: w.home, surprise: 3, harm: 2 },
    }),
    ok: 201,
    owner: 'team',
  },
  'DELETE /api/v1/incidents/{id}/impacts/{impactId}': {
    request: (w) => ({ method: 'DELETE', url: `/api/v1/incidents/${w.awayIncident.id}/impacts/${w.impact.id}` }),
    ok: 204,
    owner: 'member',
  },
  'GET /api/v1/incidents/{id}/clusters': {
    request: (w) => ({ url: `/api/v1/incidents/${w.incident.id}/clusters` }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/clusters': { request: () => ({ url: '/api/v1/clusters' }), ok: 200, owner: 'org' },
  'GET /api/v1/clusters/{id}': { request: (w) => ({ url: `/api/v1/clusters/${w.cluster.id}` }), ok: 200, owner: 'org' },
  'POST /api/v1/clusters/recompute': {
    request: () => ({ method: 'POST', url: '/api/v1/clusters/recompute' }),
    ok: 200,
    owner: 'org',
  },
  'PATCH /api/v1/clusters/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/clusters/${w.cluster.id}`,
      headers: ifMatch,
      payload: { title: 'Renamed' },
    }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/clusters/{id}/members': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/clusters/${w.cluster.id}/members`,
      payload: { incidentId: w.thirdIncidentId },
    }),
    ok: 200,
    owner: 'org',
  },
  'DELETE /api/v1/clusters/{id}/members/{incidentId}': {
    request: (w) => ({ method: 'DELETE', url: `/api/v1/clusters/${w.cluster.id}/members/${w.secondIncidentId}` }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/clusters/status': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/clusters/status',
      payload: { status: 'confirmed', clusters: [{ id: w.cluster.id, version: 1 }] },
    }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/clusters/{id}/merge': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/clusters/${w.otherCluster.id}/merge`,
      payload: { intoClusterId: w.cluster.id },
    }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/clusters/{id}/split': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/clusters/${w.cluster.id}/split`,
      payload: { incidentIds: [w.secondIncidentId] },
    }),
    ok: 201,
    owner: 'org',
  },
  'POST /api/v1/clusters/{id}/edits/{editId}/revert': {
    request: (w) => ({ method: 'POST', url: `/api/v1/clusters/${w.cluster.id}/edits/${w.clusterEdit.id}/revert` }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/audit': { request: () => ({ url: '/api/v1/audit' }), ok: 200, owner: 'org' },
  'GET /api/v1/audit/export': { request: () => ({ url: '/api/v1/audit/export?format=csv' }), ok: 200, owner: 'org' },
  'GET /api/v1/admin/jobs/parked': { request: () => ({ url: '/api/v1/admin/jobs/parked' }), ok: 200, owner: 'org' },
  // Nothing is parked in a fresh world: allowed callers reach the lookup and are told so.
  'POST /api/v1/admin/jobs/parked/{id}/retry': {
    request: () => ({ method: 'POST', url: `/api/v1/admin/jobs/parked/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/retry` }),
    ok: 404,
    owner: 'org',
  },
  'GET /api/v1/admin/integrations': { request: () => ({ url: '/api/v1/admin/integrations' }), ok: 200, owner: 'org' },
  'GET /api/v1/admin/integrations/deliveries': {
    request: () => ({ url: '/api/v1/admin/integrations/deliveries' }),
    ok: 200,
    owner: 'org',
  },
  'PUT /api/v1/admin/integrations/slack/channels/{teamId}': {
    request: () => ({
      method: 'PUT',
      url: `/api/v1/admin/integrations/slack/channels/${ctx.teams.home}`,
      payload: { channelId: 'C0HOME123' },
    }),
    ok: 200,
    owner: 'org',
  },
  'DELETE /api/v1/admin/integrations/slack/channels/{teamId}': {
    request: () => ({ method: 'DELETE', url: `/api/v1/admin/integrations/slack/channels/${ctx.teams.home}` }),
    ok: 200,
    owner: 'org',
  },
  // Slack is not configured in this app: allowed callers reach the service and are told so.
  'POST /api/v1/admin/integrations/slack/test': {
    request: () => ({ method: 'POST', url: '/api/v1/admin/integrations/slack/test', payload: { teamId: ctx.teams.home } }),
    ok: 409,
    owner: 'org',
  },
  // A dry run: the import needs the right to change the owning team's decisions.
  'POST /api/v1/decisions/import': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/decisions/import',
      payload: {
        owningTeamId: w.home,
        dryRun: true,
        files: [{ path: '0001-use-one-api.md', content: '# 1. Use one API\n\nDate: 2026-01-10\n\n## Status\n\nAccepted\n' }],
      },
    }),
    ok: 200,
    owner: 'team',
  },
  // A dry run of one row: admins only (ADR 041).
  'POST /api/v1/incidents/import': {
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/incidents/import?dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: `externalId,title,reportingTeamId,discoveredAt,discoveryChannel,expected,surprise,harmedGoal,harm\nX-1,Probe,${w.home},2026-01-10,chat,Notice,3,Ship,2\n`,
    }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/webhooks': { request: () => ({ url: '/api/v1/webhooks' }), ok: 200, owner: 'org' },
  'POST /api/v1/webhooks': {
    request: () => ({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: 'https://hooks.invalid/other', eventTypes: ['strategy.revised'] },
    }),
    ok: 201,
    owner: 'org',
  },
  'GET /api/v1/webhooks/{id}': { request: (w) => ({ url: `/api/v1/webhooks/${w.webhook.id}` }), ok: 200, owner: 'org' },
  'PATCH /api/v1/webhooks/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/webhooks/${w.webhook.id}`,
      headers: ifMatch,
      payload: { description: 'Renamed' },
    }),
    ok: 200,
    owner: 'org',
  },
  'DELETE /api/v1/webhooks/{id}': {
    request: (w) => ({ method: 'DELETE', url: `/api/v1/webhooks/${w.webhook.id}` }),
    ok: 204,
    owner: 'org',
  },
  'POST /api/v1/webhooks/{id}/test': {
    request: (w) => ({ method: 'POST', url: `/api/v1/webhooks/${w.webhook.id}/test` }),
    ok: 202,
    owner: 'org',
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    request: (w) => ({ url: `/api/v1/webhooks/${w.webhook.id}/deliveries` }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/webhooks/{id}/deliveries/{deliveryId}': {
    request: (w) => ({ url: `/api/v1/webhooks/${w.webhook.id}/deliveries/${w.webhookDelivery.id}` }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    request: (w) => ({ method: 'POST', url: `/api/v1/webhooks/${w.webhook.id}/deliveries/${w.webhookDelivery.id}/redeliver` }),
    ok: 202,
    owner: 'org',
  },
  'GET /api/v1/retros': { request: () => ({ url: '/api/v1/retros' }), ok: 200, owner: 'org' },
  'POST /api/v1/retros': {
    request: (w) => ({ method: 'POST', url: '/api/v1/retros', payload: { clusterId: w.retro.clusterId, title: 'Another' } }),
    ok: 201,
    owner: 'team',
  },
  'GET /api/v1/retros/{id}': { request: (w) => ({ url: `/api/v1/retros/${w.retro.id}` }), ok: 200, owner: 'org' },
  'PATCH /api/v1/retros/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/retros/${w.retro.id}`,
      headers: { 'if-match': '"2"' },
      payload: { summary: 'S' },
    }),
    ok: 200,
    owner: 'team',
  },
  'POST /api/v1/retros/{id}/actions': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/retros/${w.retro.id}/actions`,
      payload: { description: 'Gate', ownerTeamId: w.home, kind: 'add_approval_gate' },
    }),
    ok: 201,
    owner: 'team',
  },
  'GET /api/v1/retros/{id}/export': { request: (w) => ({ url: `/api/v1/retros/${w.retro.id}/export` }), ok: 200, owner: 'org' },
  'POST /api/v1/retros/{id}/strategy-draft': {
    request: (w) => ({ method: 'POST', url: `/api/v1/retros/${w.retro.id}/strategy-draft`, payload: { ownerTeamId: w.home } }),
    ok: 201,
    owner: 'team',
  },
  'POST /api/v1/retros/{id}/strategy-gap': {
    request: (w) => ({ method: 'POST', url: `/api/v1/retros/${w.retro.id}/strategy-gap`, payload: {} }),
    ok: 201,
    owner: 'team',
  },
  'GET /api/v1/actions': { request: () => ({ url: '/api/v1/actions' }), ok: 200, owner: 'org' },
  'GET /api/v1/actions/export': { request: () => ({ url: '/api/v1/actions/export?format=csv' }), ok: 200, owner: 'org' },
  'PATCH /api/v1/actions/{id}': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/actions/${w.retro.actionId}`,
      headers: ifMatch,
      payload: { status: 'done' },
    }),
    ok: 200,
    owner: 'team',
  },
  'GET /api/v1/actions/{id}/links': {
    request: (w) => ({ url: `/api/v1/actions/${w.retro.actionId}/links` }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/actions/{id}/links': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/actions/${w.retro.actionId}/links`,
      payload: { url: 'https://github.com/acme/app/issues/2' },
    }),
    ok: 201,
    owner: 'team',
  },
  'DELETE /api/v1/actions/{id}/links/{linkId}': {
    request: (w) => ({ method: 'DELETE', url: `/api/v1/actions/${w.retro.actionId}/links/${w.issueLinks.action.id}` }),
    ok: 204,
    owner: 'team',
  },
  'GET /api/v1/incidents/{id}/links': {
    request: (w) => ({ url: `/api/v1/incidents/${w.incident.id}/links` }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/incidents/{id}/links': {
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/incidents/${w.incident.id}/links`,
      payload: { url: 'https://linear.app/acme/issue/ENG-2' },
    }),
    ok: 201,
    owner: 'member',
  },
  'DELETE /api/v1/incidents/{id}/links/{linkId}': {
    request: (w) => ({ method: 'DELETE', url: `/api/v1/incidents/${w.incident.id}/links/${w.issueLinks.incident.id}` }),
    ok: 204,
    owner: 'member',
  },
  // Public, checked by the tracker's signature: an unsigned delivery is 401 whoever sends it.
  'POST /api/v1/integrations/github/webhook': {
    request: () => ({ method: 'POST', url: '/api/v1/integrations/github/webhook', payload: {} }),
    ok: 401,
    owner: 'org',
  },
  'POST /api/v1/integrations/linear/webhook': {
    request: () => ({ method: 'POST', url: '/api/v1/integrations/linear/webhook', payload: {} }),
    ok: 401,
    owner: 'org',
  },
  'POST /api/v1/integrations/jira/webhook': {
    request: () => ({ method: 'POST', url: '/api/v1/integrations/jira/webhook', payload: {} }),
    ok: 401,
    owner: 'org',
  },
  'GET /api/v1/leadership/review': { request: () => ({ url: '/api/v1/leadership/review' }), ok: 200, owner: 'org' },
  'GET /api/v1/leadership/review/export': { request: () => ({ url: '/api/v1/leadership/review/export' }), ok: 200, owner: 'org' },
  'GET /api/v1/leadership/stale-strategies': {
    request: () => ({ url: '/api/v1/leadership/stale-strategies' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/leadership/conflicts': { request: () => ({ url: '/api/v1/leadership/conflicts' }), ok: 200, owner: 'org' },
  'GET /api/v1/leadership/agreement-only': {
    request: () => ({ url: '/api/v1/leadership/agreement-only' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/leadership/coverage': { request: () => ({ url: '/api/v1/leadership/coverage' }), ok: 200, owner: 'org' },
  'GET /api/v1/leadership/decision-visibility': {
    request: () => ({ url: '/api/v1/leadership/decision-visibility' }),
    ok: 200,
    owner: 'org',
  },
  'GET /api/v1/leadership/signals': { request: () => ({ url: '/api/v1/leadership/signals' }), ok: 200, owner: 'org' },
  'GET /api/v1/leadership/tradeoff-requests': {
    request: () => ({ url: '/api/v1/leadership/tradeoff-requests' }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/language-check': {
    request: () => ({ method: 'POST', url: '/api/v1/language-check', payload: { text: 'We need alignment on it.' } }),
    ok: 200,
    owner: 'org',
  },
  'POST /api/v1/leadership/tradeoff-requests': {
    request: (w) => ({ method: 'POST', url: '/api/v1/leadership/tradeoff-requests', payload: { decisionId: w.decision.id } }),
    ok: 201,
    owner: 'org',
  },
}

const callers: (ActorName | 'anonymous')[] = ['anonymous', 'member', 'lead', 'leader', 'admin', 'outsider', 'outsideLead']

/** What the policy table says this caller gets. */
function expectedStatus(action: Action | 'public', probe: Probe, caller: ActorName | 'anonymous'): number {
  if (action === 'public') return probe.ok
  if (caller === 'anonymous') return 401
  const role = ctx.actors[caller].role
  const scope = policy[action][role]
  const inHomeTeam = ctx.actors[caller].teamId === ctx.teams.home
  const allowed =
    scope === 'org' ||
    (scope === 'team' && (probe.owner === 'team' || probe.owner === 'member') && inHomeTeam) ||
    (scope === 'self' && (probe.owner === 'caller' || (probe.owner === 'member' && caller === 'member')))
  return allowed ? probe.ok : 403
}

function documentedOperations(): string[] {
  const document = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  )
}

describe('the permission matrix', () => {
  it('has a policy and a probe for every route in the OpenAPI document', () => {
    const operations = documentedOperations()
    expect(operations.length).toBeGreaterThan(30)
    const withoutProbe = operations.filter((operation) => !(operation in probes))
    const withoutPolicy = operations.filter((operation) => !ctx.app.routePolicies.has(operation.replace(/\{(\w+)\}/g, ':$1')))
    expect(withoutProbe, 'routes without a probe in this test').toEqual([])
    expect(withoutPolicy, 'routes without a policy').toEqual([])
  })

  it('answers every route, for every role, as the policy table says', async () => {
    const mismatches: string[] = []
    // Reads change nothing, so they share one world; every write gets a fresh one per caller.
    const readWorld = await makeWorld(ctx)
    for (const operation of documentedOperations()) {
      const probe = probes[operation]
      if (!probe) continue
      const action = ctx.app.routePolicies.get(operation.replace(/\{(\w+)\}/g, ':$1'))
      if (!action) continue
      for (const caller of callers) {
        const world = operation.startsWith('GET ') ? readWorld : await makeWorld(ctx)
        const request = probe.request(world)
        const res =
          caller === 'anonymous'
            ? await ctx.app.inject({ method: 'GET', ...request })
            : await ctx.as(caller).inject({ method: 'GET', ...request })
        const expected = expectedStatus(action, probe, caller)
        if (res.statusCode !== expected)
          mismatches.push(`${caller} ${operation} (${action}): ${res.statusCode}, expected ${expected} ${res.body.slice(0, 160)}`)
      }
    }
    expect(mismatches).toEqual([])
  }, 600_000)
})
