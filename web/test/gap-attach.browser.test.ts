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
import { csrfOf } from './support/report-form'

/* Attaching decisions, incidents and clusters to a strategy gap (docs/decisions/017). */

let running: RunningApp
let leader: Page

// The same org the app server seeds, so we know its planted clusters and their decisions.
const org = generateOrg({ incidents: 300, seed: 42, today: SEED_TODAY })

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  leader = (await newPage(running)).page
  await signIn(leader, 'leader@demo.test')
}, 120_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

type Gap = { id: string; decisionIds: string[] }

async function openGap(title: string): Promise<Gap> {
  const res = await leader.request.post('/api/v1/strategy-gaps', {
    headers: { 'x-csrf-token': await csrfOf(leader) },
    data: { title },
  })
  expect(res.status()).toBe(201)
  return (await res.json()) as Gap
}

const gapIncidentCount = async (gapId: string) =>
  ((await (await leader.request.get(`/api/v1/incidents?gapId=${gapId}&limit=200`)).json()) as { items: unknown[] }).items.length

describe('attaching to a strategy gap', () => {
  it('puts a decision behind a gap so its incidents count, and undoes it', async () => {
    const planted = org.planted.clusters[2]
    const decision = org.decisions.find((d) => d.id === planted?.decisionId)
    if (!decision) throw new Error('the seed plants clusters with decisions')
    const gap = await openGap('Nobody knew why this keeps happening')
    await leader.goto(`/strategy-gaps/${gap.id}`)
    await leader.getByRole('heading', { name: 'Attach decisions / incidents' }).waitFor()
    await leader.getByText('No decision is behind this gap yet').waitFor()

    await leader.getByLabel('Find a decision').fill(decision.title)
    const matching = leader.getByRole('list', { name: 'Matching decisions' })
    await matching
      .getByRole('listitem')
      .filter({ hasText: decision.title })
      .getByRole('button', { name: /^Put behind this gap/ })
      .click()
    await leader.getByText('Attached 1 decision.').waitFor()
    const decisions = leader.getByRole('region', { name: 'Decisions behind them' })
    await decisions.getByText('Behind this gap').waitFor()
    const counted = await gapIncidentCount(gap.id)
    expect(counted).toBeGreaterThan(0)
    await leader.getByRole('region', { name: 'Incidents in this gap' }).getByText(`${counted} incident`).first().waitFor()
    await checkScreen(leader, '67-gap-decision-attached')

    await leader.getByRole('button', { name: 'Undo' }).click()
    await leader.getByText('No decision is behind this gap yet').waitFor()
    expect(await gapIncidentCount(gap.id)).toBe(0)
  })

  it('attaches incidents by their MIS numbers and says which stayed where they were', async () => {
    const gap = await openGap('Incidents typed by number')
    const page = (await (await leader.request.get('/api/v1/incidents?limit=100')).json()) as {
      items: { key: string; gapId: string | null }[]
    }
    const free = page.items.filter((i) => !i.gapId).slice(0, 2)
    const elsewhere = page.items.find((i) => i.gapId)
    expect(free).toHaveLength(2)
    await leader.goto(`/strategy-gaps/${gap.id}`)
    const keys = [...free.map((i) => i.key), ...(elsewhere ? [elsewhere.key] : [])]
    await leader.getByRole('textbox', { name: 'Incidents' }).fill(keys.join(', '))
    await leader.getByRole('button', { name: 'Attach incidents' }).click()
    await leader.getByText('Attached 2 incidents.').waitFor()
    if (elsewhere)
      await leader
        .getByRole('list', { name: 'Left as they were' })
        .getByText(/names another gap/)
        .waitFor()
    expect(await gapIncidentCount(gap.id)).toBe(2)
    await checkScreen(leader, '68-gap-incidents-attached')
  })

  it('attaches a cluster from its page, offering the decision most of its incidents name', async () => {
    const gap = await openGap('Where the cluster belongs')
    const clusters = (await (await leader.request.get('/api/v1/clusters?status=suggested')).json()) as {
      items: { id: string; title: string; size: number }[]
    }
    const cluster = clusters.items.find((c) => c.size >= 3)
    if (!cluster) throw new Error('the demo org has suggested clusters')
    await leader.goto(`/clusters/${cluster.id}`)
    await leader.getByRole('heading', { name: 'Attach to a gap…' }).waitFor()
    await leader.getByLabel('Strategy gap').selectOption({ label: 'Where the cluster belongs' })
    await leader.getByRole('button', { name: /^Attach its incidents/ }).click()
    await leader.getByText(/^Attached \d+ incidents? to/).waitFor()
    await checkScreen(leader, '69-cluster-attached-to-gap')
    expect(await gapIncidentCount(gap.id)).toBeGreaterThan(0)

    const offer = leader.getByRole('button', { name: 'Put it behind the gap too' })
    if (await offer.isVisible()) {
      await offer.click()
      await offer.waitFor({ state: 'detached' })
      const after = (await (await leader.request.get(`/api/v1/strategy-gaps/${gap.id}`)).json()) as Gap
      expect(after.decisionIds).toHaveLength(1)
    }
    await leader.getByRole('button', { name: 'Undo' }).click()
    await leader.getByRole('button', { name: 'Undo' }).waitFor({ state: 'detached' })
    expect(await gapIncidentCount(gap.id)).toBe(0)
  })

  it('stays usable on a 320 px wide screen', async () => {
    const gap = await openGap('Narrow screen gap')
    const { page, context } = await newPage(running, { width: 320, height: 800 })
    await signIn(page, 'leader@demo.test')
    await page.goto(`/strategy-gaps/${gap.id}`)
    await page.getByRole('heading', { name: 'Attach decisions / incidents' }).waitFor()
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName}.${e.className}`)
      return { by: document.documentElement.scrollWidth - document.documentElement.clientWidth, wide: wide.slice(0, 8) }
    })
    expect(overflow).toEqual({ by: 0, wide: [] })
    await checkScreen(page, '70-gap-attach-320')
    await context.close()
  })
})
