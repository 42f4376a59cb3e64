import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'

let running: RunningApp
let lead: Page

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  lead = (await newPage(running)).page
  await signIn(lead, 'lead@demo.test')
}, 180_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url)
  expect(res.status(), url).toBe(200)
  return (await res.json()) as T
}

interface Workspace {
  retro: { id: string; clusterId: string; title: string }
  cluster: { id: string; title: string }
  incidents: { key: string; discoveredAt: string }[]
  teams: { id: string }[]
}

/** A demo cluster that touches the lead's own team, found through the seed's existing retros. */
async function clusterForLead(page: Page): Promise<Workspace> {
  const session = await getJson<{ user: { teamIds: string[] } }>(page, '/api/v1/auth/session')
  const retros = await getJson<{ items: { id: string }[] }>(page, '/api/v1/retros?limit=50')
  for (const { id } of retros.items) {
    const workspace = await getJson<Workspace>(page, `/api/v1/retros/${id}`)
    if (workspace.teams.some((team) => session.user.teamIds.includes(team.id)) && workspace.incidents.length > 1) return workspace
  }
  throw new Error('no demo retro touches the lead’s team')
}

describe('a facilitator runs a retro', () => {
  it('opens a retro on a demo cluster, records actions, publishes the tradeoff and exports it', async () => {
    const earlier = await clusterForLead(lead)

    await lead.getByRole('link', { name: 'Retros', exact: true }).click()
    await lead.getByRole('heading', { name: 'Retros', level: 1 }).waitFor()
    await lead.getByRole('link', { name: earlier.retro.title }).waitFor()
    await checkScreen(lead, '70-retros')

    // Open a new retro on the same cluster: the title is prefilled from the cluster when it is known.
    await lead.goto(`/retros/new?clusterId=${earlier.cluster.id}`)
    const title = lead.getByLabel('Title')
    // The form waits for the cluster (to prefill the title); its detail can take a while on a busy machine.
    await title.waitFor({ timeout: 30_000 })
    if (!(await title.inputValue())) await title.fill(`Retro: ${earlier.cluster.title}`)
    await title.fill(`${await title.inputValue()} (follow-up)`)
    await lead.getByRole('button', { name: 'Open the retro' }).click()
    await lead.waitForURL(/\/retros\/[0-9a-f-]{36}$/)
    const retroId = lead.url().split('/').pop() ?? ''

    // The timeline comes first, in discovery order.
    const timeline = lead.getByRole('table', { name: 'Incidents in the order they were discovered' })
    await timeline.waitFor()
    const headings = await lead.getByRole('heading', { level: 2 }).allTextContents()
    expect(headings[0]).toBe('Timeline')
    const rows = timeline.locator('tbody tr')
    expect(await rows.count()).toBe(earlier.incidents.length)
    expect(await rows.first().textContent()).toContain(earlier.incidents[0]?.key)
    await lead.getByRole('table', { name: 'Decisions, tradeoffs and missing context, side by side' }).waitFor()
    await checkScreen(lead, '71-retro-workspace')

    // An alignment action.
    await lead.getByLabel('What will be done?').fill('Publish the payments API lifecycle where client teams plan')
    await lead.getByRole('radio', { name: 'Share the strategy' }).check()
    await lead.getByRole('button', { name: 'Record action' }).click()
    const actions = lead.getByRole('table', { name: 'Actions of this retro' })
    await actions.getByRole('row', { name: /Publish the payments API lifecycle/ }).waitFor()
    expect(await actions.getByRole('row', { name: /Publish the payments API lifecycle/ }).textContent()).toContain('Alignment')

    // An anti-misalignment kind: the cost, the alternative and a reason prompt; never refused.
    await lead.getByRole('radio', { name: 'Add an approval gate' }).check()
    await lead.getByText('Alignment alternative').waitFor()
    expect(await lead.locator('.anti-note').textContent()).toContain('every decision waits in a queue')
    await lead.getByRole('button', { name: /Use “State the tradeoff” instead/ }).waitFor()
    const reason = lead.getByLabel(/Why this control anyway\?/)
    await reason.waitFor()
    await lead.getByLabel('What will be done?').fill('Payments API changes need a client-team sign-off')
    await reason.fill('Until the lifecycle is published')
    await checkScreen(lead, '72-retro-anti-misalignment-note')
    await lead.getByRole('button', { name: 'Record action' }).click()
    const gateRow = actions.getByRole('row', { name: /client-team sign-off/ })
    await gateRow.waitFor()
    expect(await gateRow.textContent()).toContain('Anti-misalignment')
    expect(await gateRow.textContent()).toContain('Reason: Until the lifecycle is published')

    // State a tradeoff and publish it as a strategy draft.
    await lead.getByLabel('What did the retro find?').fill('Client teams learnt of the sunset from failing builds.')
    await lead.getByLabel('We prefer').fill('one supported payments API')
    await lead.getByLabel('over', { exact: true }).fill('long deprecation windows')
    await lead.getByLabel('for goal').fill('a smaller surface to secure')
    await lead.getByRole('button', { name: 'Save summary and tradeoff' }).click()
    await lead.getByText('we prefer one supported payments API over long deprecation windows').first().waitFor()
    await lead.getByRole('button', { name: 'Publish tradeoff as strategy draft' }).click()
    await lead.getByRole('link', { name: 'strategy draft' }).waitFor()
    const workspace = await getJson<{ retro: { strategyId: string } }>(lead, `/api/v1/retros/${retroId}`)
    const strategy = await getJson<{
      status: string
      title: string
      context: string
      tradeoffs: object[]
      scopeTeamIds: string[]
    }>(lead, `/api/v1/strategies/${workspace.retro.strategyId}`)
    expect(strategy).toMatchObject({
      status: 'draft',
      title: 'Prefer one supported payments API over long deprecation windows',
      tradeoffs: [
        { prefer: 'one supported payments API', over: 'long deprecation windows', forGoal: 'a smaller surface to secure' },
      ],
    })
    expect(strategy.context).toContain('Client teams learnt of the sunset from failing builds.')
    expect(strategy.scopeTeamIds.length).toBe(earlier.teams.length)
    await checkScreen(lead, '73-retro-published')

    // Export to Markdown: the browser downloads the file the API names.
    const [download] = await Promise.all([
      lead.waitForEvent('download'),
      lead.getByRole('link', { name: 'Export Markdown' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^[0-9a-z-]+\.md$/)
    const markdown = await readFile(await download.path(), 'utf8')
    expect(markdown).toContain('## Timeline')
    expect(markdown).toContain(earlier.incidents[0]?.key)
    expect(markdown).toContain('We prefer **one supported payments API** over **long deprecation windows**')
    expect(markdown).toContain('### Alignment')
    expect(markdown).toContain('Reason given: Until the lifecycle is published')

    // The strategy draft page, then every action across retros.
    await lead.getByRole('link', { name: 'strategy draft' }).click()
    await lead.waitForURL(/\/strategies\//)
    // A fresh chunk and two requests: slow when five engineers share two cores.
    await lead
      .getByRole('heading', { name: 'Prefer one supported payments API over long deprecation windows' })
      .waitFor({ timeout: 30_000 })
    await lead.goto('/actions')
    await lead.getByRole('table', { name: 'Actions across retros, newest first' }).waitFor()
    await lead.getByLabel('Class').selectOption('anti_misalignment')
    await lead.getByRole('row', { name: /client-team sign-off/ }).waitFor()
    await checkScreen(lead, '74-actions')
  }, 180_000)
})
