import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'
import { csrfOf, fillRequirements } from './support/report-form'

let running: RunningApp
let lead: Page
let story: Story

interface Story {
  decision: { id: string; title: string }
  /** Reports of other teams that name the decision. */
  named: { id: string; key: string }[]
  /** The lead's own team's report of the same thing, naming no decision. */
  unnamed: { id: string; key: string }
}

const DECISION_TITLE = 'Retire the Zephyr message queue in favour of Kafka'

/**
 * A story the engine has to find by its words: a decision on record, three teams that named it,
 * and one of the lead's reports that tells the same thing without naming it.
 */
async function plantStory(page: Page): Promise<Story> {
  const headers = { 'x-csrf-token': await csrfOf(page) }
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { user: { teamIds: string[] } }
  const leadTeam = session.user.teamIds[0] ?? ''
  const teams = ((await (await page.request.get('/api/v1/teams?limit=200')).json()) as { items: { id: string }[] }).items
  const others = teams.filter((t) => t.id !== leadTeam)
  const post = async (url: string, data: object) => {
    const res = await page.request.post(url, { data, headers })
    if (!res.ok()) throw new Error(`POST ${url}: ${res.status()} ${await res.text()}`)
    return (await res.json()) as { id: string; key: string; title: string }
  }
  const decision = await post('/api/v1/decisions', {
    title: DECISION_TITLE,
    summary: 'The Zephyr queue is switched off; every producer and consumer moves to Kafka topics.',
    owningTeamId: others[0]?.id,
    decidedAt: '2026-05-20',
  })
  const report = (teamId: string | undefined, title: string, extra: object = {}) =>
    post('/api/v1/incidents', {
      title,
      narrative:
        'Our consumers stopped receiving messages when the Zephyr queue was switched off; we had to move to Kafka topics.',
      reportingTeamId: teamId,
      discoveredAt: '2026-06-02',
      discoveryChannel: 'production',
      expected: 'A migration window before the Zephyr queue went away',
      surprise: 4,
      harmedGoal: 'Keep order events flowing',
      harm: 4,
      ...extra,
    })
  const named = [
    await report(others[1]?.id, 'Zephyr queue switched off under our order consumers', { decisionId: decision.id }),
    await report(others[2]?.id, 'Messages lost when Zephyr was retired for Kafka', { decisionId: decision.id }),
    await report(others[3]?.id, 'Had to rewrite our Zephyr consumers for Kafka topics', { decisionId: decision.id }),
  ]
  const unnamed = await report(leadTeam, 'Our Zephyr consumers went silent overnight')
  return { decision: { id: decision.id, title: DECISION_TITLE }, named, unnamed }
}

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  lead = (await newPage(running)).page
  await signIn(lead, 'lead@demo.test')
  story = await plantStory(lead)
}, 120_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

const decisionOf = async (page: Page, id: string) =>
  ((await (await page.request.get(`/api/v1/incidents/${id}`)).json()) as { decisionId: string | null }).decisionId

describe('the triage queue', () => {
  it('links an incident to a suggested decision in one click, and undoes it', async () => {
    await lead.goto('/triage')
    await lead.getByRole('heading', { name: 'Incidents with no decision', level: 2 }).waitFor()
    await lead.getByText(/^1–\d+ of \d+, newest first$/).waitFor()
    const suggestions = lead.getByRole('list', { name: `Likely decisions for ${story.unnamed.key}` })
    await suggestions.waitFor()
    await suggestions
      .getByText(/similar reports? names? it/)
      .first()
      .waitFor()
    await checkScreen(lead, 'insight-01-triage-queue')

    await suggestions.getByRole('button', { name: `Link ${story.unnamed.key} to ${DECISION_TITLE}` }).click()
    await lead.getByText(`Linked ${story.unnamed.key} to “${DECISION_TITLE}”.`).waitFor()
    expect(await decisionOf(lead, story.unnamed.id)).toBe(story.decision.id)
    await checkScreen(lead, 'insight-02-triage-linked')

    await lead.getByRole('button', { name: 'Undo' }).click()
    await lead.getByText(`Undone: ${story.unnamed.key} has no decision again.`).waitFor()
    expect(await decisionOf(lead, story.unnamed.id)).toBeNull()
    await suggestions.waitFor()
  })

  it('fits a 375 px phone', async () => {
    const { context, page } = await newPage(running, { width: 375, height: 740 })
    await signIn(page, 'lead@demo.test')
    await page.goto('/triage')
    await page.getByRole('list', { name: `Likely decisions for ${story.unnamed.key}` }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await checkScreen(page, 'insight-03-triage-phone')
    await context.close()
  })
})

describe('the report form', () => {
  it('suggests the decision a draft describes, and picking it fills the decision step', async () => {
    await lead.goto('/report')
    await lead.getByRole('heading', { name: 'Report a misalignment' }).waitFor()
    await fillRequirements(lead, {
      title: 'Zephyr queue gone: our consumers need Kafka topics now',
      expected: 'A migration window before the Zephyr queue went away',
      goal: 'Keep order events flowing',
    })
    const pick = lead.getByRole('button', { name: `It was this one: ${DECISION_TITLE}` })
    await pick.waitFor()
    await lead.getByRole('heading', { name: 'Is this already reported?' }).scrollIntoViewIfNeeded()
    await lead
      .getByText(/Likely the same|Possibly related/)
      .first()
      .waitFor()
    await checkScreen(lead, 'insight-04-report-suggestions')

    await pick.click()
    await lead.getByText('Upstream decision').waitFor()
    await lead.locator('.picked-title').getByText(DECISION_TITLE).waitFor()
    expect(await lead.getByRole('heading', { name: 'Is it one of these?' }).count()).toBe(0)
    await screenshot(lead, 'insight-05-report-picked')
  })
})

describe('the incident page', () => {
  it('marks a similar incident not related, remembers it, and undoes it', async () => {
    await lead.goto(`/incidents/${story.unnamed.key}`)
    const similar = lead.getByRole('list', { name: 'Similar incidents' })
    await similar.waitFor()
    await lead.getByRole('heading', { name: 'Is it one of these?' }).waitFor()
    const other = story.named[0]
    if (!other) throw new Error('the story has named reports')
    await similar.getByRole('link', { name: /Zephyr queue switched off/ }).waitFor()
    await checkScreen(lead, 'insight-06-incident-similar')

    await similar.getByRole('button', { name: `${other.key} is not related` }).click()
    await similar.getByText('Marked not related').waitFor()
    const remembered = (await (await lead.request.get(`/api/v1/incidents/${story.unnamed.key}/similar`)).json()) as {
      items: { id: string }[]
    }
    expect(remembered.items.map((i) => i.id)).not.toContain(other.id)
    await checkScreen(lead, 'insight-07-incident-not-related')

    await similar.getByRole('button', { name: `Undo: ${other.key} is related after all` }).click()
    await similar.getByRole('button', { name: `${other.key} is not related` }).waitFor()
    const restored = (await (await lead.request.get(`/api/v1/incidents/${story.unnamed.key}/similar`)).json()) as {
      items: { id: string }[]
    }
    expect(restored.items.map((i) => i.id)).toContain(other.id)
  })

  it('fits a 375 px phone', async () => {
    const { context, page } = await newPage(running, { width: 375, height: 740 })
    await signIn(page, 'lead@demo.test')
    await page.goto(`/incidents/${story.unnamed.key}`)
    await page.getByRole('list', { name: 'Similar incidents' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await checkScreen(page, 'insight-08-incident-phone')
    await context.close()
  })
})
