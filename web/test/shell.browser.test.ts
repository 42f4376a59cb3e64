import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'
import { csrfOf } from './support/report-form'

let running: RunningApp

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
}, 120_000)
afterAll(async () => running?.close())

/** The shell is about what fits in the window, so its screenshots show the viewport, not the whole page. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

/** Every element of the shell lies inside the viewport horizontally: nothing is cut off at the right. */
const shellOverflow = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.sidebar a, .sidebar button')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      // Cut off at the window's edge, or overflowing its own box (a long word under the next button).
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  )

describe('the shell', () => {
  it('fits every width from 320 to 1280 px, with grouped navigation reachable by keyboard', async () => {
    for (const width of [1280, 1024, 800, 375, 320]) {
      const { context, page } = await newPage(running, { width, height: 800 })
      await signIn(page, 'lead@demo.test')
      await page.goto('/dashboard')
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
      // "Report" is one click away at every width, menu open or not.
      expect(await page.getByRole('link', { name: 'Report', exact: true }).isVisible(), `Report at ${width}`).toBe(true)
      const nav = page.getByRole('navigation', { name: 'Main' })
      const isCompact = width < 1024
      expect(await nav.getByRole('link', { name: 'Triage' }).isVisible(), `links shown at ${width}`).toBe(!isCompact)
      if (isCompact) {
        await page.getByRole('button', { name: 'Menu' }).focus()
        await page.keyboard.press('Enter')
        await nav.getByRole('link', { name: 'Triage' }).waitFor()
      }
      for (const group of ['Work', 'Understand', 'Registers']) {
        expect(await nav.getByRole('list', { name: group }).isVisible(), `${group} at ${width}`).toBe(true)
      }
      // A lead triages and reads the review, but does not manage teams.
      expect(await nav.getByRole('list', { name: 'Admin' }).count()).toBe(0)
      expect(await scrollWidth(page), `no sideways scroll at ${width}`).toBeLessThanOrEqual(width)
      expect(await shellOverflow(page), `nothing off-screen at ${width}`).toEqual([])
      await checkScreen(page, `60-shell-${width}${isCompact ? '-menu' : ''}`)
      if (isCompact) {
        await page.keyboard.press('Escape')
        expect(await nav.getByRole('link', { name: 'Triage' }).isVisible()).toBe(false)
        expect(await page.getByRole('button', { name: 'Menu' }).evaluate((el) => el === document.activeElement)).toBe(true)
      }
      await context.close()
    }
    // Five widths, each with axe: more than the default 30 s on a busy two-core machine.
  }, 120_000)
})

describe('the home page of each role', () => {
  it('sends a lead to triage and a leader to the review, and shows a member what became of their reports', async () => {
    const lead = await newPage(running)
    await signIn(lead.page, 'lead@demo.test')
    expect(new URL(lead.page.url()).pathname).toBe('/triage')
    await lead.context.close()

    const leader = await newPage(running)
    await signIn(leader.page, 'leader@demo.test')
    expect(new URL(leader.page.url()).pathname).toBe('/leadership')
    await leader.context.close()

    const { context, page } = await newPage(running)
    await signIn(page, 'member@demo.test')
    expect(new URL(page.url()).pathname).toBe('/my-reports')
    const title = `Filed anonymously from the shell test ${Math.random().toString(36).slice(2, 8)}`
    const teamId = ((await (await page.request.get('/api/v1/auth/session')).json()) as { user: { teamIds: string[] } }).user
      .teamIds[0]
    const filed = await page.request.post('/api/v1/incidents', {
      headers: { 'x-csrf-token': await csrfOf(page) },
      data: {
        title,
        reportingTeamId: teamId,
        anonymous: true,
        discoveredAt: '2026-06-20',
        discoveryChannel: 'planning',
        expected: 'To hear about it before planning',
        surprise: 4,
        harmedGoal: 'Ship the July release',
        harm: 3,
        harmKinds: ['delay'],
      },
    })
    expect(filed.status()).toBe(201)
    await page.goto('/')
    const mine = page.getByRole('list', { name: 'My reports' })
    const report = mine.getByRole('listitem').filter({ hasText: title })
    await report.waitFor()
    expect(await report.textContent()).toContain('Waiting for a lead to triage it.')
    expect(await report.textContent()).toContain('no decision linked yet')
    expect(await report.textContent()).toContain('Anonymous')
    // Every report listed is the member's own: the API's own "mine" agrees with the screen.
    const api = await page.request.get('/api/v1/incidents?mine=true&limit=25')
    const expected = ((await api.json()) as { items: { key: string }[] }).items.map((i) => i.key)
    const shown = await mine.locator('.incident-key').allTextContents()
    expect(shown).toEqual(expected)
    await checkScreen(page, '61-home-member')
    await context.close()
  })
})

describe('the glossary', () => {
  it('defines the product’s words, and the dashboard links its jargon to them', async () => {
    const { context, page } = await newPage(running, { width: 375, height: 740 })
    await signIn(page, 'member@demo.test')
    await page.goto('/dashboard')
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor()
    const term = page.getByRole('main').getByRole('link', { name: 'Weighted harm', exact: true }).first()
    expect(await term.getAttribute('title')).toMatch(/harm × surprise/)
    await term.click()
    await page.getByRole('heading', { name: 'Glossary', level: 1 }).waitFor()
    expect(new URL(page.url()).hash).toBe('#weighted-harm')
    for (const word of ['Misalignment', 'Strategy-bearing', 'Anti-misalignment', 'Autonomy win', 'Discovery lag', 'Near miss']) {
      expect(
        await page
          .getByRole('term')
          .filter({ hasText: new RegExp(`^${word}$`) })
          .count(),
        word,
      ).toBe(1)
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
    await checkScreen(page, '62-glossary-phone')
    await context.close()
  })
})
