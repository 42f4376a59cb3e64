import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'
import { csrfOf, fillRequirements } from './support/report-form'

let running: RunningApp
let lead: Page
let planted: { id: string; key: string }
let otherTeamName: string

/** Another team's incident the lead's team was hurt by too. */
async function plant(page: Page) {
  const headers = { 'x-csrf-token': await csrfOf(page) }
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { user: { teamIds: string[] } }
  const teams = ((await (await page.request.get('/api/v1/teams?limit=200')).json()) as { items: { id: string; name: string }[] })
    .items
  const other = teams.find((t) => !session.user.teamIds.includes(t.id))
  if (!other) throw new Error('the demo org has other teams')
  otherTeamName = other.name
  const res = await page.request.post('/api/v1/incidents', {
    headers,
    data: {
      title: 'Shared login service moved to a new token format overnight',
      narrative: 'Every mobile session was logged out at 02:00 when the token format changed without notice.',
      reportingTeamId: other.id,
      discoveredAt: '2026-06-20',
      discoveryChannel: 'production',
      expected: 'Both token formats accepted for a release cycle',
      surprise: 5,
      harmedGoal: 'Keep mobile sign-ins working',
      harm: 4,
      missingContext: 'That the identity team prefers one token format over compatibility',
    },
  })
  if (!res.ok()) throw new Error(`plant: ${res.status()} ${await res.text()}`)
  return (await res.json()) as { id: string; key: string }
}

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  lead = (await newPage(running)).page
  await signIn(lead, 'lead@demo.test')
  planted = await plant(lead)
}, 120_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

const feed = (page: Page) => page.getByRole('list', { name: 'Activity, newest first' })

describe('the incident page at 1280 px', () => {
  it('shows the story beside its properties, and a property change in the feed in plain words', async () => {
    await lead.goto(`/incidents/${planted.key}`)
    await lead.getByRole('heading', { name: 'What happened' }).waitFor()
    await lead.getByText('Both token formats accepted for a release cycle').waitFor()
    await feed(lead)
      .getByText(/filed this incident/)
      .waitFor()
    // The sidebar stands to the right of the story.
    const story = await lead.locator('.incident-story').boundingBox()
    const side = await lead.locator('.incident-side').boundingBox()
    expect(side && story && side.x > story.x + story.width - 1).toBe(true)
    await checkScreen(lead, 'incident-01-page')

    await lead.getByLabel('Root cause').selectOption({ label: 'Hidden decision' })
    await feed(lead)
      .getByText(/set the root cause to Hidden decision/)
      .waitFor()
    await checkScreen(lead, 'incident-02-root-cause-in-feed')
  })

  it('posts a comment that mentions a team', async () => {
    await lead.getByLabel('Comment').fill('Identity, could you share the token roadmap with mobile teams?')
    await lead.getByRole('combobox', { name: 'Mention a team' }).fill(otherTeamName.slice(0, 4))
    await lead.locator('#comment-mention-list').getByRole('option', { name: otherTeamName, exact: true }).click()
    await lead.getByRole('list', { name: 'Teams mentioned' }).getByText(otherTeamName).waitFor()
    await lead.getByRole('button', { name: 'Comment', exact: true }).click()
    await feed(lead).getByText(`commented and mentioned ${otherTeamName}`).waitFor()
    await feed(lead).getByText('Identity, could you share the token roadmap').waitFor()
    await checkScreen(lead, 'incident-03-comment')
  })

  it('adds "this hurt us too" anonymously, counted in the weighted harm and never named in the feed', async () => {
    await lead.getByRole('button', { name: 'This hurt us too' }).click()
    await lead.getByRole('heading', { name: `Add your team’s harm to ${planted.key}` }).waitFor()
    await lead.getByRole('group', { name: 'How surprising was it to your team' }).getByLabel('Very surprising').check()
    await lead.getByRole('group', { name: 'How much did it hurt your team' }).getByLabel('Significant: a goal slipped').check()
    await lead.getByLabel('Engineer-days lost').fill('3')
    await lead.getByLabel(/Add it anonymously/).check()
    await checkScreen(lead, 'incident-04-hurt-us-too-form')
    await lead.getByRole('button', { name: 'Add our harm' }).click()

    const impacts = lead.getByRole('list', { name: 'Other teams hurt' })
    await impacts.getByText('harm 3 × surprise 4 = 12', { exact: false }).waitFor()
    await impacts.getByText('you, anonymously').waitFor()
    await lead.getByText(/Weighted harm in all: 20 \(reporting team\) \+ 12 \(other teams\) = 32/).waitFor()
    await feed(lead)
      .getByText(/Someone \(anonymous\) added that this hurt .* too: harm 3 × surprise 4 = 12/)
      .waitFor()
    const session = (await (await lead.request.get('/api/v1/auth/session')).json()) as { user: { displayName: string } }
    expect(await feed(lead).getByText(session.user.displayName).count()).toBeGreaterThan(0)
    expect(
      await feed(lead)
        .getByText(new RegExp(`${session.user.displayName} added`))
        .count(),
    ).toBe(0)
    await checkScreen(lead, 'incident-05-hurt-us-too-added')
  })
})

describe('the incident page at 375 px', () => {
  it('fits a phone: one column, no horizontal scroll, no serious accessibility problem', async () => {
    const { context, page } = await newPage(running, { width: 375, height: 740 })
    await signIn(page, 'lead@demo.test')
    await page.goto(`/incidents/${planted.key}`)
    await feed(page)
      .getByText(/filed this incident/)
      .waitFor()
    await page.getByRole('list', { name: 'Other teams hurt' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await checkScreen(page, 'incident-06-phone')
    await context.close()
  })
})

describe('the report form', () => {
  it('joins a likely duplicate as "this hurt us too", carrying the draft’s surprise and harm', async () => {
    const { context, page } = await newPage(running)
    await signIn(page, 'member@demo.test')
    await page.goto('/report')
    await fillRequirements(page, { title: 'Payments v1 switched off again' })
    await page.getByRole('combobox', { name: 'Which decision caused this?' }).fill('v1 payments')
    // The duplicate check answers from the title first, then again for the picked decision: read
    // the list once the decision's answer is in, or a link may change under the click.
    const byDecision = page.waitForResponse((r) => r.url().includes('/incidents/similar') && r.url().includes('decisionId='))
    await page
      .getByRole('option', { name: /Deprecate the v1 payments API/ })
      .first()
      .click()
    await byDecision
    const links = page.getByRole('link', { name: /This is the same thing: open MIS-\d+ and add that it hurt us too/ })
    await links.first().waitFor()
    // A duplicate another team filed: the member's own team's report has no "other team" to add.
    const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { user: { teamIds: string[] } }
    let chosen = ''
    for (let i = 0; i < (await links.count()) && !chosen; i += 1) {
      const key = /MIS-\d+/.exec((await links.nth(i).getAttribute('aria-label')) ?? '')?.[0]
      const found = (await (await page.request.get(`/api/v1/incidents/${key}`)).json()) as { reportingTeamId: string }
      if (key && !session.user.teamIds.includes(found.reportingTeamId)) chosen = key
    }
    expect(chosen, 'a duplicate filed by another team').not.toBe('')
    // By its key, not its place: the list may still reorder as the draft's answers come in.
    await page.getByRole('link', { name: `This is the same thing: open ${chosen} and add that it hurt us too` }).click()
    await page.getByRole('heading', { name: /^Add your team’s harm to MIS-\d+$/ }).waitFor()
    expect(
      await page.getByRole('group', { name: 'How surprising was it to your team' }).getByLabel('Very surprising').isChecked(),
    ).toBe(true)
    expect(
      await page
        .getByRole('group', { name: 'How much did it hurt your team' })
        .getByLabel('Significant: a goal slipped')
        .isChecked(),
    ).toBe(true)
    await checkScreen(page, 'incident-07-joined-from-report')
    await context.close()
  })
})
