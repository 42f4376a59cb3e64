import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'

/*
 * The retro workspace as a guided flow (issue #17, ADR 029) on the demo org at its real size:
 * review → causes → tradeoff → actions → publish, the actions panel beside every phase, at 1280,
 * 1024, 800 and 375 px. The workspace was 20,000 px tall at 1280 px before.
 */
let running: RunningApp
let lead: Page
const consoleErrors: string[] = []

/** Every console error and uncaught exception of a page, to assert there are none. */
function watchConsole(page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`))
}

beforeAll(async () => {
  running = await startApp({ incidents: 3000 })
  console.log(`Browser test screenshots: ${screenshotDir}`)
  lead = (await newPage(running)).page
  await signIn(lead, 'lead@demo.test')
  // From here on: the sign-in page's own 401 (the session probe) belongs to the shell's tests.
  watchConsole(lead)
}, 240_000)
afterAll(async () => running?.close())

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)

async function checkScreen(page: Page, name: string, width: number): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scroll on ${name}`).toBeLessThanOrEqual(
    width,
  )
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
  incidents: { key: string; discoveredAt: string; decisionId: string | null }[]
  decisions: { id: string; title: string; incidentIds: string[] }[]
  teams: { id: string }[]
}

/**
 * The demo retros this page's user may run, biggest cluster first: a lead's are those that touch
 * their own team; a leader's are all of them.
 */
async function retrosForLead(page: Page): Promise<Workspace[]> {
  const session = await getJson<{ user: { role: string; teamIds: string[] } }>(page, '/api/v1/auth/session')
  const retros = await getJson<{ items: { id: string }[] }>(page, '/api/v1/retros?limit=50')
  const found: Workspace[] = []
  for (const { id } of retros.items) {
    const workspace = await getJson<Workspace>(page, `/api/v1/retros/${id}`)
    const isOurs = session.user.role !== 'lead' || workspace.teams.some((team) => session.user.teamIds.includes(team.id))
    if (isOurs && workspace.incidents.length > 1) found.push(workspace)
  }
  if (found.length === 0) throw new Error('no demo retro for this user')
  return found.sort((a, b) => b.incidents.length - a.incidents.length)
}

/** A new retro on the demo org's heaviest cluster (clusters list heaviest first), opened through the form. */
async function retroOnHeaviestCluster(page: Page): Promise<Workspace> {
  const clusters = await getJson<{ items: { id: string; size: number; status: string }[] }>(page, '/api/v1/clusters?limit=10')
  const [heaviest] = clusters.items.filter((c) => c.status !== 'dismissed').sort((a, b) => b.size - a.size)
  if (!heaviest) throw new Error('the demo org has clusters')
  await page.goto(`/retros/new?clusterId=${heaviest.id}`)
  const title = page.getByLabel('Title')
  await title.waitFor({ timeout: 30_000 })
  await title.fill('Retro on the heaviest cluster')
  await page.getByRole('button', { name: 'Open the retro' }).click()
  await page.waitForURL(/\/retros\/[0-9a-f-]{36}$/)
  return getJson<Workspace>(page, `/api/v1/retros/${new URL(page.url()).pathname.split('/').pop()}`)
}

/** The retro the first test opens on the heaviest cluster; the narrower widths show it too. */
let heaviestRetroId = ''
const phases = ['review', 'causes', 'tradeoff', 'actions', 'publish'] as const

describe('a facilitator runs a retro as a guided flow', () => {
  it('walks the phases of the biggest demo retro, each at most 6,000 px tall at 1280 px', async () => {
    // A leader sees every incident of the heaviest cluster: the 94-row tables of issue #17.
    const { context, page: leader } = await newPage(running)
    await signIn(leader, 'leader@demo.test')
    watchConsole(leader)
    const biggest = await retroOnHeaviestCluster(leader)
    heaviestRetroId = biggest.retro.id
    const stepper = leader.getByRole('navigation', { name: 'Retro phases' })
    await stepper.waitFor()
    // The review comes first: a weekly chart and the timeline grouped by decision, collapsed.
    expect(await stepper.getByRole('link', { name: /Review/ }).getAttribute('aria-current')).toBe('step')
    await leader.getByRole('img', { name: /Incidents discovered each week/ }).waitFor()
    const groups = leader.getByRole('list', { name: 'Incidents by decision, in the order they were discovered' })
    const biggestGroup = Math.max(
      biggest.incidents.filter((i) => i.decisionId === null).length,
      ...biggest.decisions.map((d) => d.incidentIds.length),
    )
    await groups.getByRole('button', { name: new RegExp(`^Show ${biggestGroup - 3} more`) }).waitFor()
    expect(await groups.locator('.timeline-entry').count()).toBeLessThan(biggest.incidents.length)

    for (const phase of phases) {
      await leader.goto(`/retros/${biggest.retro.id}?phase=${phase}`)
      await leader.getByRole('heading', { level: 2 }).first().waitFor()
      await leader.getByRole('complementary', { name: /Actions/ }).waitFor()
      const height = await pageHeight(leader)
      console.log(`Retro ${phase} phase: ${height} px tall at 1280 px for ${biggest.incidents.length} incidents (was 20,000 px)`)
      expect(height, `height of the ${phase} phase`).toBeLessThanOrEqual(6000)
      await checkScreen(leader, `retro-flow-1280-${phase}`, 1280)
    }

    // Causes: each decision once, with its count, never a row per incident.
    await leader.goto(`/retros/${biggest.retro.id}?phase=causes`)
    const decisions = leader.getByRole('table', { name: 'Decisions behind the incidents, each once, with their tradeoffs' })
    await decisions.waitFor()
    const hasUndecided = biggest.incidents.some((i) => i.decisionId === null)
    expect(await decisions.locator('tbody tr').count()).toBe(biggest.decisions.length + (hasUndecided ? 1 : 0))
    await leader.getByRole('list', { name: 'Missing context, most often named first' }).waitFor()

    // The stepper and Next keep the phase in the URL, so back returns to the previous phase.
    await leader.getByRole('link', { name: 'Next: Tradeoff →' }).click()
    await leader.waitForURL(/phase=tradeoff/)
    await leader.getByRole('heading', { name: 'Summary and stated tradeoff', level: 2 }).first().waitFor()
    await leader.goBack()
    await leader.waitForURL(/phase=causes/)
    await decisions.waitFor()
    await leader.reload()
    await decisions.waitFor()
    await context.close()
  })

  for (const width of [1024, 800, 375]) {
    it(`shows every phase at ${width} px without sideways scroll`, async () => {
      const { context, page } = await newPage(running, { width, height: 900 })
      await signIn(page, 'leader@demo.test')
      watchConsole(page)
      for (const phase of phases) {
        await page.goto(`/retros/${heaviestRetroId}?phase=${phase}`)
        await page.getByRole('navigation', { name: 'Retro phases' }).waitFor()
        await page.getByRole('complementary', { name: /Actions/ }).waitFor()
        await checkScreen(page, `retro-flow-${width}-${phase}`, width)
      }
      await context.close()
    })
  }

  it('opens a retro, records actions from the panel in any phase, publishes the tradeoff and exports it', async () => {
    const [earlier] = await retrosForLead(lead)
    if (!earlier) throw new Error('no retro')
    await lead.goto('/retros')
    await lead.getByRole('heading', { name: 'Retros', level: 1 }).waitFor()
    await lead.getByRole('link', { name: earlier.retro.title }).waitFor()
    await checkScreen(lead, 'retro-flow-retros', 1280)

    // Open a new retro on the same cluster: the title is prefilled from the cluster when it is known.
    await lead.goto(`/retros/new?clusterId=${earlier.cluster.id}`)
    const title = lead.getByLabel('Title')
    await title.waitFor({ timeout: 30_000 })
    if (!(await title.inputValue())) await title.fill(`Retro: ${earlier.cluster.title}`)
    await title.fill(`${await title.inputValue()} (follow-up)`)
    await lead.getByRole('button', { name: 'Open the retro' }).click()
    await lead.waitForURL(/\/retros\/[0-9a-f-]{36}$/)
    const retroId = new URL(lead.url()).pathname.split('/').pop() ?? ''
    await lead.getByRole('heading', { name: 'Review the timeline', level: 2 }).waitFor()

    // "Record an action" in the header reaches the panel's form from the review phase.
    await lead.getByRole('button', { name: 'Record an action' }).click()
    expect(await lead.evaluate(() => document.activeElement?.id)).toBe('action-description')
    await lead.getByLabel('What will be done?').fill('Publish the payments API lifecycle where client teams plan')
    await lead.getByRole('radio', { name: 'Share the strategy' }).check()
    await lead.getByRole('button', { name: 'Record action' }).click()
    const panel = lead.getByRole('list', { name: 'Latest actions of this retro' })
    await panel.getByText('Publish the payments API lifecycle').waitFor()
    expect(lead.url()).not.toContain('phase=actions')

    // An anti-misalignment kind: the cost, the alternative and a reason prompt; never refused.
    await lead.getByRole('radio', { name: 'Add an approval gate' }).check()
    await lead.getByText('Alignment alternative').waitFor()
    expect(await lead.locator('.anti-note').textContent()).toContain('every decision waits in a queue')
    await lead.getByLabel('What will be done?').fill('Payments API changes need a client-team sign-off')
    await lead.getByLabel(/Why this control anyway\?/).fill('Until the lifecycle is published')
    await checkScreen(lead, 'retro-flow-anti-misalignment-note', 1280)
    await lead.getByRole('button', { name: 'Record action' }).click()
    await panel.getByText('client-team sign-off').waitFor()

    // The actions phase lists them with their class and the reason.
    await lead
      .getByRole('navigation', { name: 'Retro phases' })
      .getByRole('link', { name: /Actions/ })
      .click()
    await lead.waitForURL(/phase=actions/)
    const actions = lead.getByRole('table', { name: 'Actions of this retro' })
    const gateRow = actions.getByRole('row', { name: /client-team sign-off/ })
    await gateRow.waitFor()
    expect(await gateRow.textContent()).toContain('Anti-misalignment')
    expect(await gateRow.textContent()).toContain('Reason: Until the lifecycle is published')

    // The tradeoff phase states it; the publish phase makes it a strategy draft.
    await lead.goto(`/retros/${retroId}?phase=tradeoff`)
    await lead.getByLabel('What did the retro find?').fill('Client teams learnt of the sunset from failing builds.')
    await lead.getByLabel('We prefer').fill('one supported payments API')
    await lead.getByLabel('over', { exact: true }).fill('long deprecation windows')
    await lead.getByLabel('for goal').fill('a smaller surface to secure')
    await lead.getByRole('button', { name: 'Save summary and tradeoff' }).click()
    await lead.getByText('Saved.').waitFor()
    await lead.getByRole('link', { name: 'Next: Actions →' }).click()
    await lead.getByRole('link', { name: 'Next: Publish →' }).click()
    await lead.getByText('we prefer one supported payments API over long deprecation windows').first().waitFor()
    await lead.getByRole('button', { name: 'Publish tradeoff as strategy draft' }).click()
    await lead.getByRole('link', { name: 'strategy draft' }).waitFor()
    const workspace = await getJson<{ retro: { strategyId: string } }>(lead, `/api/v1/retros/${retroId}`)
    const strategy = await getJson<{ status: string; title: string; context: string }>(
      lead,
      `/api/v1/strategies/${workspace.retro.strategyId}`,
    )
    expect(strategy).toMatchObject({ status: 'draft', title: 'Prefer one supported payments API over long deprecation windows' })
    expect(strategy.context).toContain('Client teams learnt of the sunset from failing builds.')
    await checkScreen(lead, 'retro-flow-published', 1280)

    // The Markdown export sits at the end of the flow.
    const [download] = await Promise.all([
      lead.waitForEvent('download'),
      lead.getByRole('link', { name: 'Export Markdown' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^[0-9a-z-]+\.md$/)
    const markdown = await readFile(await download.path(), 'utf8')
    expect(markdown).toContain('## Timeline')
    expect(markdown).toContain(earlier.incidents[0]?.key)
    expect(markdown).toContain('We prefer **one supported payments API** over **long deprecation windows**')
    expect(markdown).toContain('Reason given: Until the lifecycle is published')

    // Every action across retros, the anti-misalignment ones found by class.
    await lead.goto('/actions')
    await lead.getByRole('table', { name: 'Actions across retros, newest first' }).waitFor()
    await lead.getByLabel('Class').selectOption('anti_misalignment')
    await lead.getByRole('row', { name: /client-team sign-off/ }).waitFor()
    await checkScreen(lead, 'retro-flow-actions-list', 1280)
  })

  it('logged no console error on any page', () => {
    expect(consoleErrors).toEqual([])
  })
})
