import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'
import { fillRequirements } from './support/report-form'

let running: RunningApp
let member: Page

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  member = (await newPage(running)).page
  await signIn(member, 'member@demo.test')
}, 120_000)
afterAll(async () => running?.close())

async function countIncidents(page: Page, query: string): Promise<number> {
  const res = await page.request.get(`/api/v1/incidents?limit=200&${query}`)
  return ((await res.json()) as { items: unknown[] }).items.length
}

async function freshReport(page: Page): Promise<void> {
  await page.goto('/report')
  await page.getByRole('heading', { name: 'Report a misalignment' }).waitFor()
}

/** Reports are checked by a unique title, so each test sees only its own. */
const unique = (words: string) => `${words} ${Math.random().toString(36).slice(2, 8)}`

describe('signing in', () => {
  it('shows the API’s own message for a wrong password, then signs in by keyboard', async () => {
    const { context, page } = await newPage(running)
    await page.goto('/incidents')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, '01-sign-in')
    await page.getByLabel('Email').fill('lead@demo.test')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByLabel('Password').press('Enter')
    await page.getByRole('alert').getByText('That email and password do not match an account.').waitFor()
    await page.getByLabel('Password').fill('demo-password')
    await page.getByLabel('Password').press('Enter')
    // Back where they were going.
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/incidents')
    await context.close()
  })
})

describe('the report page', () => {
  it('is reachable by keyboard, with a skip link and no serious accessibility violations', async () => {
    await freshReport(member)
    await member.keyboard.press('Tab')
    const skip = member.getByRole('link', { name: 'Skip to main content' })
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await seriousViolations(member)).toEqual([])
    await screenshot(member, '02-report-empty')
  })

  it('files an incident traced to a decision found by type-ahead, once even when double-clicked', async () => {
    await freshReport(member)
    const title = unique('Payments v1 switched off without notice')
    await fillRequirements(member, { title })
    await member.getByRole('combobox', { name: 'Which decision caused this?' }).fill('v1 payments')
    await member
      .getByRole('option', { name: /Deprecate the v1 payments API/ })
      .first()
      .click()
    await member.getByText('Upstream decision').waitFor()
    // Incidents about the same decision are offered before filing.
    const same = member.getByRole('link', { name: /This is the same thing: open MIS-\d+/ }).first()
    await same.waitFor()
    await member.getByLabel('What would have made this predictable?').fill('If we had known the deprecation date')
    expect(await seriousViolations(member)).toEqual([])
    await screenshot(member, '03-report-filled-with-duplicates')

    await member.getByRole('button', { name: 'File incident' }).dblclick()
    const filed = member.getByRole('heading', { name: /^Filed as MIS-\d+$/ })
    await filed.waitFor()
    await screenshot(member, '04-report-filed')
    expect(await countIncidents(member, `q=${encodeURIComponent(title.split(' ').at(-1) ?? '')}`)).toBe(1)
    await member.getByRole('link', { name: /^Open MIS-\d+$/ }).click()
    await member.getByRole('heading', { name: 'Trace' }).waitFor()
    // The decision's link, not the cluster named after it in the sidebar.
    await member.getByRole('link', { name: /^Deprecate the v1 payments API/ }).waitFor()
  })

  it('files anonymously, saying what others will and will not see', async () => {
    await freshReport(member)
    const title = unique('Search reindex moved to nightly batch')
    await fillRequirements(member, { title })
    await member.getByLabel('File anonymously').check()
    await member.getByText('Others will not see').waitFor()
    await member.getByText('your name, in the report or the audit log').waitFor()
    await screenshot(member, '05-report-anonymous')
    await member.getByRole('button', { name: 'File incident' }).click()
    const heading = await member.getByRole('heading', { name: /^Filed as MIS-\d+$/ }).textContent()
    const key = heading?.replace('Filed as ', '') ?? ''

    await member.goto(`/incidents/${key}`)
    await member.getByText('You, anonymously').waitFor()
    const { context, page: lead } = await newPage(running)
    await signIn(lead, 'lead@demo.test')
    await lead.goto(`/incidents/${key}`)
    await lead
      .getByRole('definition')
      .filter({ hasText: /^Anonymous$/ })
      .waitFor()
    const seen = (await (await lead.request.get(`/api/v1/incidents/${key}`)).json()) as { reporterId: string | null }
    expect(seen.reporterId).toBeNull()
    await context.close()
  })

  it('explains that a surprise without harm is not a misalignment and notes a near miss instead', async () => {
    const before = await countIncidents(member, '')
    await freshReport(member)
    await fillRequirements(member, { title: unique('Token lifetime cut to 15 minutes'), harm: 'No harm: it did not hurt us' })
    await member.getByRole('heading', { name: 'A surprise without harm is not a misalignment' }).waitFor()
    expect(await member.getByRole('button', { name: 'File incident' }).count()).toBe(0)
    expect(await seriousViolations(member)).toEqual([])
    await screenshot(member, '06-report-no-harm')
    await member.getByRole('button', { name: 'Note as a near miss' }).click()
    await member.getByRole('heading', { name: 'Noted as a near miss' }).waitFor()
    expect(await countIncidents(member, '')).toBe(before)
    const signals = await member.request.get('/api/v1/signals?kind=near_miss')
    expect(((await signals.json()) as { items: { note: string }[] }).items[0]?.note).toMatch(/Token lifetime/)
  })

  it('files once when the answer to the first attempt is lost to a network error', async () => {
    await freshReport(member)
    const title = unique('Orders schema frozen for peak season')
    await fillRequirements(member, { title })
    // The request reaches the API (which files it) but the answer never arrives.
    let dropped = false
    await member.route('**/api/v1/incidents', async (route) => {
      if (route.request().method() !== 'POST' || dropped) return route.continue()
      dropped = true
      await route.fetch()
      await route.abort('connectionreset')
    })
    await member.getByRole('button', { name: 'File incident' }).click()
    await member.getByText(/Not filed yet\. Your draft is saved/).waitFor()
    await member.getByRole('button', { name: 'File incident' }).click()
    await member.getByRole('heading', { name: /^Filed as MIS-\d+$/ }).waitFor()
    await member.unroute('**/api/v1/incidents')
    expect(await countIncidents(member, `q=${encodeURIComponent(title.split(' ').at(-1) ?? '')}`)).toBe(1)
  })

  it('keeps the draft when the tab is reloaded', async () => {
    await freshReport(member)
    await member.getByLabel('In one line: what decision did you discover?').fill('We need alignment on the roadmap')
    // The language check suggests, and never blocks.
    await member.getByRole('button', { name: /^Use this wording/ }).waitFor()
    await member.reload()
    await member.getByText(/We kept your unfinished report/).waitFor()
    expect(await member.getByLabel('In one line: what decision did you discover?').inputValue()).toBe(
      'We need alignment on the roadmap',
    )
    await member.getByRole('button', { name: 'discard it and start again' }).click()
    expect(await member.getByLabel('In one line: what decision did you discover?').inputValue()).toBe('')
  })

  it('offers a rewrite that fits the sentence, and puts it in only when asked', async () => {
    await freshReport(member)
    const narrative = member.getByLabel('What happened, in your words')
    await narrative.fill('Is team Search aligned on the new ranking rules? We lack alignment.')
    const hints = member.locator('#narrative-language')
    await hints.getByText('Does team Search know about the new ranking rules?').waitFor()
    // Where the sentence does not say what was meant, the plain words come with their meanings.
    await hints.getByText('a decision both sides accepted').waitFor()
    expect(await hints.getByRole('button').count()).toBe(1)
    // Suggesting never changes the text by itself.
    expect(await narrative.inputValue()).toBe('Is team Search aligned on the new ranking rules? We lack alignment.')
    expect(await seriousViolations(member)).toEqual([])
    await screenshot(member, '06b-report-language-rewrite')

    await hints
      .getByRole('button', { name: 'Use this wording: “Does team Search know about” instead of “Is team Search aligned on”' })
      .click()
    expect(await narrative.inputValue()).toBe('Does team Search know about the new ranking rules? We lack alignment.')
    await hints.getByText('Does team Search know about the new ranking rules?').waitFor({ state: 'detached' })
    expect(await hints.getByRole('button').count()).toBe(0)
    await narrative.fill('')
  })

  it('shows the rewrite readably on a 320 px wide screen', async () => {
    const { context, page } = await newPage(running, { width: 320, height: 700 })
    await signIn(page, 'member@demo.test')
    await freshReport(page)
    await page
      .getByLabel('What did you expect instead?')
      .fill('We expected to get alignment with Payments on the refund flow first.')
    const use = page.locator('#expected-language').getByRole('button', { name: /^Use this wording/ })
    await use.waitFor()
    const box = await use.boundingBox()
    expect(box && box.x + box.width).toBeLessThanOrEqual(320)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await screenshot(page, '06c-report-language-320px')
    await use.click()
    expect(await page.getByLabel('What did you expect instead?').inputValue()).toBe(
      'We expected to agree with Payments on the refund flow first.',
    )
    await context.close()
  })

  it('lists what is missing instead of filing an incomplete report', async () => {
    await freshReport(member)
    await member.getByRole('button', { name: 'File incident' }).click()
    const summary = member.getByRole('alert').filter({ hasText: 'A few things are missing' })
    await summary.getByRole('link', { name: 'Say what you expected instead' }).waitFor()
    expect(await seriousViolations(member)).toEqual([])
    await screenshot(member, '07-report-missing')
  })
})
