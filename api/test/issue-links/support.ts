import { readFileSync } from 'node:fs'
import { clusterMembers, clusters } from '@misalign/db'
import { incidentBody } from '../fixtures'
import type { TestContext } from '../helper'

/** A retro on a one-incident cluster of the home team, with one open action owned by the home team. */
export async function homeAction(ctx: TestContext): Promise<{ actionId: string; retroId: string }> {
  const filed = await ctx.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentBody(ctx.teams.home) })
  const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Cluster', status: 'confirmed' }).returning()
  if (!cluster) throw new Error('no cluster')
  await ctx.database.db.insert(clusterMembers).values({ clusterId: cluster.id, incidentId: filed.json().id, source: 'auto' })
  const retro = await ctx.inject({ method: 'POST', url: '/api/v1/retros', payload: { clusterId: cluster.id, title: 'Retro' } })
  const retroId: string = retro.json().id
  const action = await ctx.inject({
    method: 'POST',
    url: `/api/v1/retros/${retroId}/actions`,
    payload: { description: 'Share the strategy', ownerTeamId: ctx.teams.home, kind: 'share_strategy' },
  })
  if (action.statusCode !== 201) throw new Error(`action: ${action.statusCode} ${action.body}`)
  return { actionId: action.json().id, retroId }
}

/** An action as the list shows it (there is no GET /actions/:id). */
export async function actionById(ctx: TestContext, retroId: string, actionId: string) {
  const res = await ctx.inject({ url: `/api/v1/actions?retroId=${retroId}` })
  return (res.json().items as { id: string; status: string; version: number }[]).find((a) => a.id === actionId)
}

/** The recorded payload's exact text (SOURCES.txt says where each comes from). */
export const payload = (name: string): string => readFileSync(new URL(`./payloads/${name}`, import.meta.url), 'utf8')
