import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, signIn, startApp } from './support/app-server'
import { fillRequirements } from './support/report-form'

/*
 * A write refreshes what it changes (lib/invalidation, ADR 022). Everything here moves by the
 * app's own links: a page load would empty the query cache and prove nothing. The dashboard's
 * answers stay fresh for a minute, so a stale cache would keep the old count far past these
 * waits (10 s at most).
 */

let running: RunningApp
let member: Page

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  member = (await newPage(running)).page
  await signIn(member, 'member@demo.test')
}, 120_000)
afterAll(async () => running?.close())

const trends = (page: Page) => page.locator('[data-chart="root-cause-trends"]')

/** Incidents the root-cause trends count over the dashboard's period, read from the chart's table. */
async function dashboardIncidents(page: Page): Promise<number> {
  const card = trends(page)
  await page.locator('[data-chart="root-cause-trends"]:not([data-state="loading"])').waitFor()
  if ((await card.getAttribute('data-state')) === 'empty') return 0
  await card.getByRole('button', { name: 'Table' }).click()
  const totals = await card
    .locator('tbody tr td:last-child')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent?.replace(/\D/g, '') || 0)))
  return totals.reduce((sum, n) => sum + n, 0)
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true })

describe('after a write', { timeout: 60_000 }, () => {
  it('filing a report updates the dashboard and my reports at once, without a reload', async () => {
    await member.goto('/dashboard')
    const before = await dashboardIncidents(member)
    await nav(member, 'My reports').click()
    await member.getByRole('heading', { name: 'My reports', level: 1 }).waitFor()

    await member.getByRole('link', { name: 'Report', exact: true }).click()
    await member.getByRole('heading', { name: 'Report a misalignment' }).waitFor()
    const title = `Feature flags frozen for the quarter ${Math.random().toString(36).slice(2, 8)}`
    await fillRequirements(member, { title })
    await member.getByRole('button', { name: 'File incident' }).click()
    await member.getByRole('heading', { name: /^Filed as MIS-\d+$/ }).waitFor()

    await nav(member, 'Dashboard').click()
    await member.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
    await expect.poll(() => dashboardIncidents(member), { timeout: 10_000 }).toBe(before + 1)
    await screenshot(member, 'freshness-01-dashboard-after-filing')

    await nav(member, 'My reports').click()
    await member.getByRole('list', { name: 'My reports' }).getByRole('link', { name: title }).waitFor()
  })
})
