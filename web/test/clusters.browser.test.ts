import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOrg } from '../../db/seed/index'
import {
  newPage,
  type RunningApp,
  SEED_TODAY,
  screenshot,
  screenshotDir,
  seriousViolations,
  signIn,
  startApp,
} from './support/app-server'

let running: RunningApp
let lead: Page

// The same org the app server seeds, so we know which clusters were planted in it.
const org = generateOrg({ incidents: 300, seed: 42, today: SEED_TODAY })

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  lead = (await newPage(running)).page
  await signIn(lead, 'lead@demo.test')
}, 120_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

describe('clusters', () => {
  it('lets a facilitator confirm, rename and correct a suggestion that matches a planted cluster', async () => {
    const renamed = 'Partner teams keep finding this decision too late'
    // A planted cluster nobody worked on in the seed: the engine suggested it, titled by its
    // decision. Suggestions are listed by weighted harm, so take one on the first page.
    const firstPage = (await (await lead.request.get('/api/v1/clusters?status=suggested&limit=25')).json()) as {
      items: { title: string }[]
    }
    const suggested = org.planted.clusters
      .map((cluster) => ({ planted: cluster, decision: org.decisions.find((d) => d.id === cluster.decisionId) }))
      .find(({ decision }) => firstPage.items.some((item) => item.title === decision?.title))
    const { planted, decision } = suggested ?? {}
    if (!planted || !decision) throw new Error('no planted cluster is among the first suggestions')

    await lead.goto('/clusters')
    await lead.getByRole('heading', { name: 'Clusters', level: 1 }).waitFor()
    const link = lead.getByRole('link', { name: decision.title, exact: true })
    await link.waitFor()
    await checkScreen(lead, '40-clusters-suggested')

    await link.click()
    await lead.getByRole('heading', { name: 'Why they belong together' }).waitFor()
    const id = lead.url().split('/').pop() ?? ''
    const detail = (await (await lead.request.get(`/api/v1/clusters/${id}`)).json()) as {
      members: { incidentId: string; key: string }[]
    }
    // Every member the lead sees is one of the planted cluster's incidents, and there are enough.
    expect(detail.members.length).toBeGreaterThanOrEqual(3)
    for (const m of detail.members) expect(planted.incidentIds).toContain(m.incidentId)
    expect(await lead.getByText('Same decision:').count()).toBe(1)
    expect(await lead.getByRole('link', { name: 'Hold a retro' }).getAttribute('href')).toBe(`/retros/new?clusterId=${id}`)
    await checkScreen(lead, '41-cluster-suggested')

    // Its incidents are grouped by decision; the member table for edits is folded away.
    await lead.getByRole('heading', { name: 'Incidents in this cluster, by decision' }).waitFor()
    await lead.getByText(/^Edit its members/).click()
    await lead.getByRole('button', { name: 'Confirm cluster' }).click()
    await lead.getByText('Confirmed the cluster').waitFor()

    await lead.getByLabel('Title').fill(renamed)
    await lead.getByRole('button', { name: 'Rename' }).click()
    await lead.getByRole('heading', { name: renamed, level: 1 }).waitFor()

    const first = detail.members[0]?.key ?? ''
    await lead.getByRole('button', { name: `Remove ${first} from the cluster` }).click()
    await lead.getByText(`Removed ${first}`).waitFor()
    expect(await lead.getByRole('button', { name: `Remove ${first} from the cluster` }).count()).toBe(0)
    await checkScreen(lead, '42-cluster-edited')

    await lead.getByRole('button', { name: `Revert: Removed ${first}` }).click()
    await lead.getByRole('button', { name: `Remove ${first} from the cluster` }).waitFor()
    expect(await lead.getByText(/\(reverted/).count()).toBe(1)
    await checkScreen(lead, '43-cluster-reverted')

    // Confirmed now, and still there after a recompute, with its new title.
    await lead.goto('/clusters?status=confirmed')
    await lead.getByRole('button', { name: 'Recompute suggestions' }).click()
    await lead.getByText(/every manual edit were kept/).waitFor()
    await lead.getByRole('link', { name: renamed }).waitFor()
    const after = (await (await lead.request.get(`/api/v1/clusters/${id}`)).json()) as { status: string; size: number }
    expect(after).toMatchObject({ status: 'confirmed', size: detail.members.length })
    await checkScreen(lead, '44-clusters-confirmed')
  }, 120_000)

  it('offers the decision most of a cluster points at for the members naming none, and undoes the link', async () => {
    const { page: admin } = await newPage(running)
    await signIn(admin, 'admin@demo.test')
    const clusters = (await (await admin.request.get('/api/v1/clusters?status=suggested&limit=50')).json()) as {
      items: { id: string }[]
    }
    let target: {
      id: string
      explanation: { decisionForTheRest: { id: string; title: string; unnamedIncidentIds: string[] } | null }
    } | null = null
    for (const { id } of clusters.items) {
      const detail = await (await admin.request.get(`/api/v1/clusters/${id}`)).json()
      if (detail.explanation.decisionForTheRest) {
        target = detail
        break
      }
    }
    const rest = target?.explanation.decisionForTheRest
    if (!target || !rest) throw new Error('the demo org has clusters with members naming no decision')

    await admin.goto(`/clusters/${target.id}`)
    await admin.getByRole('heading', { name: 'The decision behind most of it' }).waitFor()
    const count = rest.unnamedIncidentIds.length
    await admin
      .getByRole('button', { name: count === 1 ? 'Link it to that report' : `Link it to those ${count} reports` })
      .click()
    await admin.getByText(`Linked to ${count} report${count === 1 ? '' : 's'}.`).waitFor()
    await checkScreen(admin, '45-cluster-decision-for-the-rest')
    const decisionOf = async (incidentId: string) =>
      ((await (await admin.request.get(`/api/v1/incidents/${incidentId}`)).json()) as { decisionId: string | null }).decisionId
    expect(await decisionOf(rest.unnamedIncidentIds[0] ?? '')).toBe(rest.id)
    await admin.getByRole('button', { name: 'Undo' }).click()
    await admin.getByText('Undone: those reports name no decision again.').waitFor()
    expect(await decisionOf(rest.unnamedIncidentIds[0] ?? '')).toBeNull()
    await admin.close()
  }, 120_000)
})
