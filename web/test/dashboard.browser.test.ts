import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Headline, TeamMatrix, Trends } from '@misalign/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'

/** The demo org's year of incidents (seeded as of 2026-06-30): the default "last 90 days" of today's clock would be empty. */
const year = 'from=2025-06-30&to=2026-06-29'
/** Issue #18: the heat map, top decisions and top gaps always show; the other charts one tab at a time. */
const aboveTheFold = ['team-matrix', 'top-decisions', 'top-gaps']
const tabs = {
  trends: { label: 'Trends', charts: ['root-cause-trends', 'incidents-per-decision'] },
  discovery: { label: 'Discovery', charts: ['discovery-lag', 'decision-classes'] },
  harm: { label: 'Harm', charts: ['harm-by-team', 'harm-by-kind'] },
  remediation: { label: 'Remediation', charts: ['remediation-mix'] },
}
type Tab = keyof typeof tabs
const tabIds = Object.keys(tabs) as Tab[]
/** Issue #17 and #18: no page taller than this at 1280 px. */
const maxPageHeight = 6000

let running: RunningApp
let admin: Page

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  admin = (await newPage(running)).page
  await signIn(admin, 'admin@demo.test')
}, 120_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

/**
 * Milliseconds from navigation start until every chart card of the page with `tab` open has its
 * answer and has drawn it.
 */
async function chartsDrawn(page: Page, tab: Tab = 'trends'): Promise<number> {
  const handle = await page.waitForFunction(
    (ids) => {
      const cards = ids.map((id) => document.querySelector(`[data-chart="${id}"]`))
      if (cards.some((c) => !c || c.getAttribute('data-state') === 'loading')) return false
      // Drawn means the SVG marks are in the page, not only the data in memory.
      const drawn = cards.every(
        (c) =>
          c?.getAttribute('data-state') !== 'drawn' ||
          c.querySelector('.recharts-surface, .small-multiple-svg, .heatmap, p.empty'),
      )
      return drawn ? performance.now() : false
    },
    [...aboveTheFold, ...tabs[tab].charts],
    { polling: 'raf', timeout: 15_000 },
  )
  return (await handle.jsonValue()) as number
}

/** How many incidents the list says match its filters: its header reads "1–25 of 42 incidents". */
async function listedIncidents(page: Page): Promise<number> {
  const count = page.locator('.list-count')
  await count.waitFor()
  const text = (await count.textContent()) ?? ''
  if (text.startsWith('No ')) return 0
  const total = /of ([\d,]+)\+? incidents/.exec(text)?.[1] ?? /–([\d,]+) incidents/.exec(text)?.[1]
  return Number((total ?? 'NaN').replaceAll(',', ''))
}

const card = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`)

/** Chooses a tab by pointer, as most readers will, and waits for the address to say so. */
async function openTab(page: Page, tab: Tab): Promise<void> {
  await page.getByRole('tab', { name: tabs[tab].label }).click()
  await page.waitForURL(new RegExp(`[?&]tab=${tab}(&|$)`))
}

const chartStates = (page: Page) =>
  page
    .locator('[data-chart]')
    .evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-chart'), c.getAttribute('data-state')]))
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

/** A quarter of the demo org against the quarter before it. */
const quarter = 'from=2026-04-01&to=2026-06-29'

async function headlineDrawn(page: Page): Promise<Headline> {
  await page.locator('[data-headline="drawn"]').waitFor()
  return (await (await page.request.get(`/api/v1/analytics/headline?${quarter}`)).json()) as Headline
}

/** The headline alone, to look at as a leader would (the full page is long). */
async function headlineShot(page: Page, name: string): Promise<void> {
  await page.locator('.headline').screenshot({ path: path.join(screenshotDir, `${name}.png`) })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(screenshotDir, `${name}-first-screen.png`) })
}

// axe over a page of charts takes seconds on a busy machine: every test here gets a minute.
describe('dashboard', { timeout: 60_000 }, () => {
  it('draws every chart with data, one tab at a time, on a page at most 6,000 px tall', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(running)
    await signIn(page, 'admin@demo.test')
    await page.goto(`/dashboard?${year}`)
    const ms = await chartsDrawn(page)
    console.log(`Dashboard first render with data (navigation start → charts drawn): ${Math.round(ms)} ms (target ≤ 1500 ms)`)
    await page.getByRole('heading', { name: /Incidents by root cause, per month/ }).waitFor()
    for (const [i, tab] of tabIds.entries()) {
      if (i > 0) await openTab(page, tab)
      await chartsDrawn(page, tab)
      // Only the chosen tab's charts are in the page: recharts draws what is visible.
      expect(await chartStates(page), `charts with ${tab} open`).toEqual(
        [...aboveTheFold, ...tabs[tab].charts].map((id) => [id, 'drawn']),
      )
      const height = await pageHeight(page)
      console.log(`Dashboard height at 1280 px with ${tab} open: ${height} px (at most ${maxPageHeight})`)
      expect(height, `page height with ${tab} open`).toBeLessThanOrEqual(maxPageHeight)
      await checkScreen(page, `dashboard-01-year-${tab}`)
    }
    await context.close()
  })

  it('switches chart groups by keyboard, and keeps the chosen tab in the address through filters and a reload', async () => {
    await admin.goto(`/dashboard?${year}`)
    await chartsDrawn(admin)
    const tab = (t: Tab) => admin.getByRole('tab', { name: tabs[t].label })
    expect(await tab('trends').getAttribute('aria-selected')).toBe('true')
    // Only the chosen tab is in the tab order; arrows move between tabs (WAI-ARIA tabs pattern).
    expect(await admin.getByRole('tab').evaluateAll((ts) => ts.map((t) => t.getAttribute('tabindex')))).toEqual([
      '0',
      '-1',
      '-1',
      '-1',
    ])
    await tab('trends').focus()
    /** Presses a key on the focused tab and waits until `to` is chosen, focused and in the address. */
    async function press(key: string, to: Tab) {
      await admin.keyboard.press(key)
      await admin.waitForURL(new RegExp(`tab=${to}`))
      await admin.locator(`#dashboard-tab-${to}[aria-selected="true"]:focus`).waitFor()
    }
    await press('ArrowRight', 'discovery')
    await chartsDrawn(admin, 'discovery')
    await press('End', 'remediation')
    await press('ArrowRight', 'trends')
    await press('ArrowLeft', 'remediation')
    await press('Home', 'trends')
    await press('ArrowLeft', 'remediation')
    const panel = admin.getByRole('tabpanel', { name: 'Remediation' })
    await panel.locator('[data-chart="remediation-mix"]').waitFor()
    expect(admin.url()).toContain('from=2025-06-30')

    await admin.reload()
    await chartsDrawn(admin, 'remediation')
    expect(await tab('remediation').getAttribute('aria-selected')).toBe('true')
    expect(await card(admin, 'root-cause-trends').count()).toBe(0)

    // A filter keeps the tab; clearing the filters keeps it too, as it is not a filter.
    await admin.getByLabel('Status').selectOption('resolved')
    await admin.waitForURL(/status=resolved/)
    expect(admin.url()).toContain('tab=remediation')
    await admin.getByRole('button', { name: 'Back to the last 90 days, all teams' }).click()
    await admin.waitForURL((u) => !u.search.includes('status'))
    expect(new URL(admin.url()).search).toBe('?tab=remediation')
    // The address changes a moment before the screen re-renders from it.
    await expect.poll(() => admin.getByRole('button', { name: 'Back to the last 90 days, all teams' }).count()).toBe(0)
  })

  it('shows the last 90 days of every team by default, and keeps filters in the URL both ways', async () => {
    await admin.goto('/dashboard')
    expect(await admin.getByLabel('Period').inputValue()).toBe('90d')
    const to = await admin.getByLabel('Discovered until').inputValue()
    const from = await admin.getByLabel('Discovered from').inputValue()
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(89)
    await chartsDrawn(admin)

    await admin.goto('/dashboard?range=all&rootCause=hidden_decision&interval=month')
    expect(await admin.getByLabel('Period').inputValue()).toBe('all')
    expect(await admin.getByLabel('Root cause', { exact: true }).inputValue()).toBe('hidden_decision')
    expect(await admin.getByLabel('Group by').inputValue()).toBe('month')
    await admin.getByLabel('Status').selectOption('resolved')
    await admin.waitForURL(/status=resolved/)
    expect(admin.url()).toContain('rootCause=hidden_decision')
    await admin.reload()
    expect(await admin.getByLabel('Status').inputValue()).toBe('resolved')
    await chartsDrawn(admin)

    // A chosen date turns the rolling range into dates in the address.
    await admin.goto('/dashboard?range=365d')
    await admin.getByLabel('Discovered from').fill('2026-01-01')
    await admin.waitForURL(/from=2026-01-01/)
    expect(admin.url()).toMatch(/to=\d{4}-\d{2}-\d{2}/)
    // The address changes a moment before the screen re-renders from it.
    await expect.poll(() => admin.getByLabel('Period').inputValue()).toBe('custom')
  })

  it('shows a chart as a table, with hidden cells as words, and downloads its CSV', async () => {
    await admin.goto(`/dashboard?${year}&tab=harm`)
    await chartsDrawn(admin, 'harm')
    const harm = card(admin, 'harm-by-team')
    await harm.getByRole('button', { name: 'Table' }).click()
    const table = harm.getByRole('table')
    await table.waitFor()
    const api = await admin.request.get(`/api/v1/analytics/harm?${year}`)
    const byTeam = ((await api.json()) as { byTeam: { suppressed: boolean }[] }).byTeam
    expect(await table.locator('tbody tr').count()).toBe(byTeam.length)
    const hidden = byTeam.filter((t) => t.suppressed).length
    expect(hidden).toBeGreaterThan(0)
    expect(await table.locator('tbody tr', { hasText: 'fewer than 5' }).count()).toBe(hidden)
    await checkScreen(admin, 'dashboard-02-table-view')

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      harm.getByRole('button', { name: /Download CSV/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('harm-by-team-2025-06-30_2026-06-29.csv')
    const csv = readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split('\r\n')
    expect(csv[0]).toBe('Harmed (reporting) team,Incidents,Weighted harm (harm × surprise),Engineer-days lost,Delay days')
    expect(csv).toHaveLength(byTeam.length + 1)
    expect(csv.filter((line) => line.includes('fewer than 5'))).toHaveLength(hidden)
  })

  it('drills from a heat map cell to the list of the same incidents', async () => {
    await admin.goto(`/dashboard?${year}`)
    await chartsDrawn(admin)
    const api = await admin.request.get(`/api/v1/analytics/team-matrix?${year}`)
    const cells = ((await api.json()) as TeamMatrix).cells.filter((c) => !c.suppressed && c.decisionOwnerTeamId)
    const hottest = cells.sort((a, b) => (b.weightedHarm ?? 0) - (a.weightedHarm ?? 0))[0]
    if (!hottest) throw new Error('the demo org has no team pair with 5 or more incidents')
    const link = card(admin, 'team-matrix').getByRole('link', {
      name: new RegExp(`: ${hottest.incidents} incidents, weighted harm ${hottest.weightedHarm}$`),
    })
    await link.first().click()
    await admin.waitForURL(/\/incidents\?/)
    const search = new URL(admin.url()).searchParams
    expect(search.get('from')).toBe('2025-06-30')
    expect(search.get('to')).toBe('2026-06-29')
    expect(search.get('decisionOwnerTeamId')).toBe(hottest.decisionOwnerTeamId)
    expect(search.get('reportingTeamId')).toBe(hottest.reportingTeamId)
    expect(await listedIncidents(admin)).toBe(hottest.incidents)
    await checkScreen(admin, 'dashboard-03-drilled-list')
  })

  it('shows a harmed team’s hidden pairs together as “other owner teams”, equal to the API', async () => {
    await admin.goto(`/dashboard?${year}`)
    await chartsDrawn(admin)
    const api = await admin.request.get(`/api/v1/analytics/team-matrix?${year}`)
    const { otherOwners } = (await api.json()) as TeamMatrix
    expect(otherOwners.length, 'the demo year has harmed teams with several small owner pairs').toBeGreaterThan(0)
    const row = card(admin, 'team-matrix').getByRole('row', { name: /^Other owner teams/ })
    await row.waitFor()
    // Each cell of the row says how many owner teams it sums and equals its column's entry.
    const titles = await row.locator('[title]').evaluateAll((cells) => cells.map((c) => c.getAttribute('title') ?? ''))
    expect(titles.length).toBeGreaterThan(0)
    for (const title of titles) {
      const entry = otherOwners.find(
        (o) =>
          title.startsWith(`${o.ownerTeams} other owner teams together → `) &&
          title.endsWith(`: ${o.incidents} incidents, weighted harm ${o.weightedHarm}`),
      )
      expect(entry, title).toBeDefined()
    }
    await checkScreen(admin, 'dashboard-04-heat-map-other-owners')
  })

  it('keeps the whole title of a cut bar label as its tooltip', async () => {
    await admin.goto(`/dashboard?${year}`)
    await chartsDrawn(admin)
    const labels = await card(admin, 'top-decisions')
      .locator('svg text:has(title)')
      .evaluateAll((texts) =>
        texts.map((t) => ({ shown: t.childNodes[0]?.textContent ?? '', whole: t.querySelector('title')?.textContent ?? '' })),
      )
    expect(labels.length, 'the demo has decision titles longer than a bar label').toBeGreaterThan(0)
    for (const { shown, whole } of labels) {
      expect(whole.length).toBeGreaterThan(shown.length)
      expect(whole.startsWith(shown.replace(/…$/, '').trimEnd())).toBe(true)
    }
  })

  it('opens the incidents behind a harm kind, a decision class and a discovery-lag segment, with the same count', async () => {
    // From each chart's table: the same links as its bars, and a cell says which count to expect.
    const marks: [tab: Tab, id: string, row: RegExp, column: number][] = [
      ['harm', 'harm-by-kind', /^Rework/, 1],
      ['discovery', 'decision-classes', /^Strategy-bearing/, 1],
      ['discovery', 'discovery-lag', /^In a code review/, 3],
    ]
    for (const [tab, id, rowName, column] of marks) {
      await admin.goto(`/dashboard?${year}&tab=${tab}`)
      await chartsDrawn(admin, tab)
      const chart = card(admin, id)
      await chart.getByRole('button', { name: 'Table' }).click()
      const row = chart.getByRole('row', { name: rowName }).first()
      const cell = row.locator('td').nth(column - 1)
      const expected = Number(((await cell.textContent()) ?? '').replaceAll(',', ''))
      expect(expected, `${id}: a mark with incidents`).toBeGreaterThan(0)
      await cell.getByRole('link').click()
      await admin.waitForURL(/\/incidents\?/)
      expect(await listedIncidents(admin), id).toBe(expected)
    }
    await checkScreen(admin, 'dashboard-05-drilled-lag-segment')
  })

  it('drills from a root-cause trend to that month’s incidents of that cause', async () => {
    await admin.goto(`/dashboard?${year}&rootCause=hidden_decision&rootCause=missing_strategy`)
    await chartsDrawn(admin)
    const api = await admin.request.get(
      `/api/v1/analytics/trends?${year}&rootCause=hidden_decision&rootCause=missing_strategy&interval=month`,
    )
    const april = ((await api.json()) as Trends).periods.find((p) => p.period === '2026-04-01')
    const expected = april?.byRootCause.find((c) => c.rootCause === 'hidden_decision')?.incidents ?? 0
    expect(expected).toBeGreaterThan(0)
    const trends = card(admin, 'root-cause-trends')
    await trends.getByRole('button', { name: 'Table' }).click()
    const row = trends.getByRole('row', { name: /^2026-04-01/ })
    await trends.getByRole('columnheader', { name: 'Hidden decision' }).waitFor()
    const column = await trends
      .getByRole('columnheader')
      .evaluateAll((hs) => hs.findIndex((h) => h.textContent === 'Hidden decision'))
    await row.locator('th, td').nth(column).getByRole('link').click()
    await admin.waitForURL(/\/incidents\?/)
    const search = new URL(admin.url()).searchParams
    expect(search.getAll('rootCause')).toEqual(['hidden_decision'])
    expect([search.get('from'), search.get('to')]).toEqual(['2026-04-01', '2026-04-30'])
    expect(await listedIncidents(admin)).toBe(expected)
  })

  it('opens with headline tiles equal to the API, and a what-changed link opens the same incidents', async () => {
    await admin.goto(`/dashboard?${quarter}`)
    const api = await headlineDrawn(admin)
    const tiles = await admin
      .locator('[data-tile]')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-tile'), el.getAttribute('data-value')]))
    const raw = (value: number | null) => (value === null ? '' : String(value))
    expect(Object.fromEntries(tiles)).toEqual({
      weightedHarm: raw(api.tiles.weightedHarm.current),
      engineerDaysLost: raw(api.tiles.engineerDaysLost.current),
      incidents: raw(api.tiles.incidents.current),
      incidentsPerDecision: raw(api.tiles.incidentsPerDecision.current),
      medianDiscoveryLag: raw(api.tiles.medianDiscoveryLag.current),
      shareUntriaged: raw(api.tiles.shareUntriaged.current),
    })
    const harmTile = admin.locator('[data-tile="weightedHarm"]')
    expect(await harmTile.textContent()).toContain(`before: ${api.tiles.weightedHarm.previous.toLocaleString('en-GB')}`)
    const trend = api.tiles.weightedHarm.change > 0 ? 'worse' : api.tiles.weightedHarm.change < 0 ? 'better' : 'same'
    expect(await harmTile.getAttribute('class')).toContain(`trend-${trend}`)
    await chartsDrawn(admin)
    await checkScreen(admin, 'dashboard-00-headline-page')
    await headlineShot(admin, 'dashboard-00-headline')

    const rise = api.whatChanged.rises[0]
    if (!rise) throw new Error('the demo org has no rise in weighted harm between the two quarters')
    await admin.locator(`[data-change="${rise.key}"]`).getByRole('link').click()
    await admin.waitForURL(/\/incidents\?/)
    const search = new URL(admin.url()).searchParams
    expect([search.get('from'), search.get('to')]).toEqual(['2026-04-01', '2026-06-29'])
    expect(await listedIncidents(admin)).toBe(rise.current.incidents)
  })

  it('reads the headline at 375 px without sideways scroll', async () => {
    const { context, page } = await newPage(running, { width: 375, height: 740 })
    await signIn(page, 'member@demo.test')
    await page.goto(`/dashboard?${quarter}`)
    await headlineDrawn(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    expect(await seriousViolations(page), 'accessibility of the headline on a phone').toEqual([])
    await headlineShot(page, 'dashboard-00-headline-phone')
    await context.close()
  })

  it('is usable by keyboard and on a phone', async () => {
    const { context, page } = await newPage(running, { width: 375, height: 740 })
    await signIn(page, 'member@demo.test')
    await page.goto(`/dashboard?${year}`)
    await chartsDrawn(page)
    // From the matrix card's own buttons, Tab reaches the grid's frame (it scrolls sideways on a
    // phone, so a keyboard must be able to scroll it), then its first cell.
    await card(page, 'team-matrix')
      .getByRole('button', { name: /Download CSV/ })
      .focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className ?? '')).toContain('heatmap-scroll')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.className ?? '')
    expect(focused).toContain('heat-cell')
    expect(await pageWidth(page)).toBeLessThanOrEqual(375)
    await checkScreen(page, 'dashboard-04-phone')
    // Every tab's charts fit the phone too; the tabs wrap rather than scroll.
    for (const tab of tabIds.slice(1)) {
      await openTab(page, tab)
      await chartsDrawn(page, tab)
      expect(await pageWidth(page), `width with ${tab} open`).toBeLessThanOrEqual(375)
    }
    await screenshot(page, 'dashboard-04-phone-remediation')
    await context.close()
  })
})
