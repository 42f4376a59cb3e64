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

let running: RunningApp
let leader: Page
let leaderName: string

// The demo org's year of incidents ends the day before SEED_TODAY; the register's default window
// ends on the real today, so the test names a window inside the seeded year.
const window = 'from=2026-01-01&to=2026-06-29'

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
  leader = (await newPage(running)).page
  await signIn(leader, 'leader@demo.test')
  const session = (await (await leader.request.get('/api/v1/auth/session')).json()) as { user: { displayName: string } }
  leaderName = session.user.displayName
}, 120_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

type Ranking = { formula: string; items: { gapId: string; title: string; weightedHarm: number; incidents: number }[] }

describe('the strategy gap register', () => {
  it('ranks gaps by weighted harm in the chosen window and shows the formula', async () => {
    await leader.goto(`/strategy-gaps?${window}`)
    const register = leader.getByRole('table', { name: 'Strategy gaps, most weighted harm first' })
    await register.waitFor()
    const formula = await leader.getByTestId('ranking-formula').textContent()
    expect(formula).toContain('harm × surprise')
    expect(await leader.getByLabel('From').inputValue()).toBe('2026-01-01')

    const api = (await (await leader.request.get(`/api/v1/strategy-gaps/ranking?${window}&limit=500`)).json()) as Ranking
    const rows = register.locator('tbody tr')
    // A page of 25, with the total of the whole register.
    expect(await rows.count()).toBe(Math.min(25, api.items.length))
    await leader.getByText(`of ${api.items.length} strategy gaps`).waitFor()
    const top = api.items[0]
    expect(top?.weightedHarm).toBeGreaterThan(0)
    const firstRow = (await rows.first().textContent()) ?? ''
    expect(firstRow).toContain(top?.title)
    expect(firstRow).toContain(String(top?.weightedHarm))
    const harms = api.items.map((i) => i.weightedHarm)
    expect(harms).toEqual([...harms].sort((a, b) => b - a))
    await leader.getByRole('heading', { name: 'Suggested gaps' }).waitFor()
    await checkScreen(leader, '60-gap-register')
  })

  it('offers suggested gaps prefilled from their decision or cluster', async () => {
    await leader.goto(`/strategy-gaps?${window}`)
    const api = (await (await leader.request.get(`/api/v1/strategy-gaps/suggestions?${window}`)).json()) as {
      items: { title: string; incidentIds: string[] }[]
    }
    const buttons = leader.getByRole('button', { name: /^Open a gap for / })
    await leader.getByRole('heading', { name: 'Suggested gaps' }).waitFor()
    if (api.items.length === 0) {
      await leader.getByText('already points at a gap').waitFor()
      return
    }
    await buttons.first().waitFor()
    expect(await buttons.count()).toBe(api.items.length)
    await buttons.first().click()
    const title = await leader.getByLabel('Title').inputValue()
    expect(title).toContain(api.items[0]?.title)
    const attach = leader.getByRole('checkbox', { name: /Attach its \d+ incidents/ })
    expect(await attach.isChecked()).toBe(true)
    await checkScreen(leader, '61-gap-suggestion-form')
    await leader.getByRole('button', { name: 'Cancel' }).click()
  })
})

describe('the gap detail', () => {
  it("shows the planted gap's incidents dropping after its strategy was published", async () => {
    const org = generateOrg({ incidents: 300, seed: 42, today: SEED_TODAY })
    const { gapId, publishedAt } = org.planted.droppingGap
    await leader.goto(`/strategy-gaps/${gapId}`)
    await leader.getByRole('heading', { name: 'Before and after the strategy' }).waitFor()
    await leader.getByTestId('impact-before-incidents').waitFor()
    const number = async (id: string) => Number(await leader.getByTestId(id).textContent())
    const before = { incidents: await number('impact-before-incidents'), harm: await number('impact-before-harm') }
    const after = { incidents: await number('impact-after-incidents'), harm: await number('impact-after-harm') }
    expect(before.incidents).toBeGreaterThan(0)
    expect(after.incidents).toBeLessThan(before.incidents)
    expect(after.harm).toBeLessThan(before.harm)
    const api = (await (await leader.request.get(`/api/v1/strategy-gaps/${gapId}/impact`)).json()) as {
      publishedAt: string
      before: { incidents: number; weightedHarm: number }
      after: { incidents: number; weightedHarm: number }
    }
    expect(api.publishedAt).toBe(publishedAt)
    expect(before).toEqual({ incidents: api.before.incidents, harm: api.before.weightedHarm })
    expect(after).toEqual({ incidents: api.after.incidents, harm: api.after.weightedHarm })
    // The chart itself is drawn: one bar group per week and the publication marked.
    await leader.locator('.impact-figure .recharts-bar-rectangle').first().waitFor()
    await leader.getByText('Strategy published', { exact: true }).first().waitFor()
    await leader.getByRole('heading', { name: 'Decisions behind them' }).waitFor()
    await leader.locator('.missing-context').first().waitFor()
    await checkScreen(leader, '62-gap-detail-dropping')
  })
})

/** Creates and publishes a strategy now, through the API, as the leader. */
async function publishStrategyNow(title: string): Promise<string> {
  const headers = { 'x-csrf-token': await csrfOf(leader) }
  const teams = (await (await leader.request.get('/api/v1/teams?limit=1')).json()) as { items: { id: string }[] }
  const created = await leader.request.post('/api/v1/strategies', {
    headers,
    data: {
      title,
      ownerTeamId: teams.items[0]?.id,
      tradeoffs: [{ prefer: 'one rollout calendar', over: 'team-by-team dates', forGoal: 'fewer surprise launches' }],
      reviewBy: '2099-01-01',
    },
  })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const published = await leader.request.post(`/api/v1/strategies/${id}/publish`, { headers: { ...headers, 'if-match': '"1"' } })
  expect(published.status()).toBe(200)
  return id
}

async function openGapInBrowser(title: string): Promise<void> {
  await leader.goto(`/strategy-gaps?${window}`)
  await leader.getByRole('button', { name: 'Open a gap', exact: true }).click()
  await leader.getByLabel('Title').fill(title)
  await leader.getByLabel('What context was missing?').fill('Which launches share the rollout calendar')
  await leader.getByRole('button', { name: 'Open gap' }).click()
  await leader.getByRole('heading', { name: title, level: 1 }).waitFor()
}

async function acknowledgeAndAddress(strategyTitle: string): Promise<void> {
  await leader.getByRole('button', { name: 'Acknowledge and own it' }).click()
  await leader
    .getByText(new RegExp(`Acknowledged.*by ${leaderName}`))
    .first()
    .waitFor()
  await leader.getByLabel('Published strategy that closes it').selectOption({ label: strategyTitle })
  await leader.getByRole('button', { name: 'Mark as addressed' }).click()
  await leader
    .getByText(new RegExp(`Strategy published.*by ${leaderName}`))
    .first()
    .waitFor()
}

describe('the gap lifecycle, for a leader', () => {
  it('goes open → acknowledged → published → verified, each step showing who and when', async () => {
    // A strategy published long ago: the demo's, published months before today.
    const strategies = (await (await leader.request.get('/api/v1/strategies?status=published&limit=200')).json()) as {
      items: { title: string; publishedAt: string | null }[]
    }
    const old = strategies.items.find((s) => s.publishedAt && Date.parse(s.publishedAt) < Date.now() - 70 * 86_400_000)
    expect(old).toBeDefined()
    await openGapInBrowser('Nobody knows which launches share a calendar')
    await acknowledgeAndAddress(old?.title as string)
    await leader.getByText(/quiet weeks have\s+passed, so it can be verified/).waitFor()
    await checkScreen(leader, '63-gap-published-ready')
    await leader.getByRole('button', { name: /^Verify/ }).click()
    await leader
      .getByText(new RegExp(`Verified.*by ${leaderName}`))
      .first()
      .waitFor()
    expect(await leader.locator('.page-header .badge').textContent()).toBe('Verified')
    await leader.getByRole('button', { name: 'Reopen' }).waitFor()
    await checkScreen(leader, '64-gap-verified')
  })

  it('keeps Verify disabled while too early, says from when, and closes the gap as won’t fix with a reason', async () => {
    const title = `Rollout calendar ${Date.now()}`
    await publishStrategyNow(title)
    await openGapInBrowser('Launch dates still surprise the support team')
    await acknowledgeAndAddress(title)
    const earliest = new Date(Date.now() + 56 * 86_400_000)
    const earliestText = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(earliest)
    await leader.getByText(/Too early to verify/).waitFor()
    expect(await leader.getByText(/Too early to verify/).textContent()).toContain(earliestText)
    // Disabled, with the reason beside it, rather than a click answered by a red error repeating the note.
    const verify = leader.getByRole('button', { name: /^Verify/ })
    expect(await verify.isDisabled()).toBe(true)
    const why = leader.locator('#gap-verify-why')
    expect(await why.textContent()).toBe(`Too early: possible from ${earliestText}.`)
    expect(await verify.getAttribute('aria-describedby')).toBe('gap-verify-why')
    expect(await leader.getByRole('alert').filter({ hasText: 'The gap did not move.' }).count()).toBe(0)
    await checkScreen(leader, '65-gap-verify-too-early')

    await leader.getByLabel('Or close it as won’t fix, because…').fill('The launch calendar is being retired next quarter')
    await leader.getByRole('button', { name: 'Won’t fix' }).click()
    await leader
      .getByText(new RegExp(`Won’t fix.*by ${leaderName}`))
      .first()
      .waitFor()
    await leader.getByText('The launch calendar is being retired next quarter').waitFor()
    expect(await leader.locator('.page-header .badge').textContent()).toBe("Won't fix")
    await checkScreen(leader, '66-gap-wont-fix')
  })
})
