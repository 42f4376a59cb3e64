import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebhookReceiver, verifyWebhook } from '../../api/test/support/webhook-receiver'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'
import { csrfOf } from './support/report-form'

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

describe('incidents', () => {
  it('reproduces a filtered view from its URL', async () => {
    await admin.goto('/incidents?status=resolved&rootCause=missing_strategy')
    await admin.getByRole('list', { name: 'Incidents' }).waitFor()
    expect(await admin.getByLabel('Status').inputValue()).toBe('resolved')
    expect(await admin.getByLabel('Root cause').inputValue()).toBe('missing_strategy')
    const api = await admin.request.get('/api/v1/incidents?status=resolved&rootCause=missing_strategy&limit=25')
    const expected = ((await api.json()) as { items: { key: string }[] }).items
    const rows = admin.getByRole('list', { name: 'Incidents' }).getByRole('listitem')
    expect(await rows.count()).toBe(expected.length)
    expect(await rows.first().textContent()).toContain(expected[0]?.key)
    await checkScreen(admin, '10-incidents-filtered')

    // Changing a filter writes it into the address.
    await admin.getByLabel('Status').selectOption('open')
    await admin.waitForURL(/status=open/)
    expect(admin.url()).toContain('rootCause=missing_strategy')
  })

  it('shows the whole trace, and explains a conflicting edit instead of overwriting it', async () => {
    await admin.goto('/incidents/MIS-12')
    await admin.getByRole('heading', { name: 'Trace' }).waitFor()
    await checkScreen(admin, '11-incident-detail')
    await admin.getByRole('button', { name: 'Edit and triage' }).click()
    await admin.getByLabel('Title', { exact: true }).fill('Edited here first')

    // Someone else saves a change to the status meanwhile.
    const current = (await (await admin.request.get('/api/v1/incidents/MIS-12')).json()) as { version: number }
    const other = await admin.request.patch('/api/v1/incidents/MIS-12', {
      headers: { 'if-match': `"${current.version}"`, 'x-csrf-token': await csrfOf(admin) },
      data: { status: 'in_retro' },
    })
    expect(other.status()).toBe(200)

    await admin.getByRole('button', { name: 'Save changes' }).click()
    const alert = admin.getByRole('alert').filter({ hasText: 'Someone else changed this incident after you opened it.' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain('They changed: status')
    expect(await admin.getByLabel('Status').inputValue()).toBe('in_retro')
    expect(await admin.getByLabel('Title', { exact: true }).inputValue()).toBe('Edited here first')
    await checkScreen(admin, '12-incident-edit-conflict')
    await admin.getByRole('button', { name: 'Save changes' }).click()
    await admin.getByText('Changes saved.').waitFor()
    await admin.getByRole('heading', { name: /Edited here first/ }).waitFor()
  })
})

describe('registers', () => {
  it('shows decisions with their mark and the incidents that point at them', async () => {
    await admin.goto('/decisions')
    await admin.getByRole('list', { name: 'Decisions' }).waitFor()
    await checkScreen(admin, '20-decisions')
    await admin.getByLabel('Search titles and summaries').fill('payments')
    await admin.getByRole('button', { name: 'Search' }).click()
    await admin
      .getByRole('link', { name: /Deprecate the v1 payments API/ })
      .first()
      .click()
    await admin.getByRole('heading', { name: 'Incidents that point at it' }).waitFor()
    await admin
      .getByText(/weighted harm/)
      .first()
      .waitFor()
    await checkScreen(admin, '21-decision-detail')
  })

  it('records a decision with its tradeoff', async () => {
    await admin.goto('/decisions')
    await admin.getByRole('button', { name: 'Record a decision' }).click()
    await admin.getByLabel('What was decided?').fill('Ship one mobile release a week')
    await admin.getByLabel('Owning team').selectOption({ index: 1 })
    // X and Y are type-aheads over the priorities register; typed words the register lacks are kept as written.
    await admin.getByRole('combobox', { name: 'We prefer' }).fill('predictable releases')
    await admin.getByRole('combobox', { name: 'over' }).fill('shipping fixes the same day')
    await admin.getByLabel('for goal').fill('fewer store rejections')
    await admin.getByRole('button', { name: 'Record decision' }).click()
    await admin.getByRole('heading', { name: 'Ship one mobile release a week' }).waitFor()
    await admin.getByText('Strategy-bearing').first().waitFor()
  })

  it('shows strategies as published, draft or stale, with their revisions', async () => {
    await admin.goto('/strategies')
    await admin.getByRole('list', { name: 'Strategies' }).waitFor()
    await checkScreen(admin, '22-strategies')
    await admin.getByRole('list', { name: 'Strategies' }).getByRole('link').first().click()
    await admin.getByRole('heading', { name: 'Revisions' }).waitFor()
    await checkScreen(admin, '23-strategy-detail')
  })

  it('ranks strategy gaps by weighted harm and shows their incidents', async () => {
    await admin.goto('/strategy-gaps?from=2026-01-01&to=2026-06-29')
    const register = admin.getByRole('table', { name: 'Strategy gaps, most weighted harm first' })
    await register.waitFor()
    await checkScreen(admin, '24-strategy-gaps')
    await register.getByRole('rowheader').first().getByRole('link').click()
    await admin.getByRole('heading', { name: 'Incidents in this gap' }).waitFor()
    await checkScreen(admin, '25-strategy-gap-detail')
  })

  it('lets an admin manage teams and shows a member the register read-only', async () => {
    await admin.goto('/teams')
    await admin.getByRole('table').waitFor()
    await checkScreen(admin, '26-teams')
    const { context, page } = await newPage(running)
    await signIn(page, 'member@demo.test')
    await page.goto('/teams')
    await page.getByText('Read-only for you: admins manage teams.').waitFor()
    expect(await page.getByRole('button', { name: 'Add a team' }).count()).toBe(0)
    await context.close()
  })

  it('lets an admin point a team at a Slack channel, and says plainly when Slack is not set up', async () => {
    await admin.goto('/admin/integrations')
    await admin.getByRole('heading', { name: 'Team channels' }).waitFor()
    await admin.getByText('Slack is not set up.').waitFor()
    await admin.getByText('No team has a channel yet').waitFor()
    const teams = (await (await admin.request.get('/api/v1/teams?limit=100')).json()) as { items: { name: string }[] }
    const team = [...teams.items].sort((a, b) => a.name.localeCompare(b.name))[0]?.name ?? ''
    await admin.getByLabel('Team', { exact: true }).selectOption({ label: team })
    await admin.getByLabel('Slack channel id').fill('#general')
    await admin.getByRole('button', { name: 'Save' }).click()
    await admin.getByText('Not saved.').waitFor()
    await admin.getByLabel('Slack channel id').fill('c0team123')
    await admin.getByRole('button', { name: 'Save' }).click()
    const row = admin.getByRole('table', { name: 'Teams with a Slack channel' }).getByRole('row', { name: new RegExp(team) })
    await row.getByText('C0TEAM123').waitFor()
    await admin.reload()
    await row.getByText('C0TEAM123').waitFor()
    await admin.getByText('Nothing sent yet.').waitFor()
    await checkScreen(admin, '27-integrations')
    await admin.setViewportSize({ width: 375, height: 800 })
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await checkScreen(admin, '27-integrations-375')
    await admin.setViewportSize({ width: 1280, height: 900 })
    await row.getByRole('button', { name: `Stop ${team}’s notices` }).click()
    await admin.getByText('No team has a channel yet').waitFor()
  })
})

describe('webhooks', () => {
  it('registers an endpoint, shows its secret once, and logs a signed test delivery', async () => {
    const receiver = await startWebhookReceiver()
    try {
      await admin.goto('/admin/webhooks')
      await admin.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor()
      await admin.getByText('No endpoints yet.').waitFor()
      await admin.getByLabel('URL').fill('ftp://nowhere.example/x')
      await admin.getByRole('button', { name: 'Add endpoint' }).click()
      await admin.getByText('Not added.').waitFor()
      await admin.getByLabel('URL').fill(`${receiver.url}/hook`)
      await admin.getByLabel('What it feeds', { exact: false }).fill('Data warehouse')
      await admin.getByRole('button', { name: 'Add endpoint' }).click()
      const secret = (await admin.getByTestId('webhook-secret').textContent()) ?? ''
      expect(secret).toMatch(/^whsec_/)
      await admin.getByRole('button', { name: 'I have stored it' }).click()
      expect(await admin.getByTestId('webhook-secret').count()).toBe(0)

      const card = admin.getByRole('article', { name: `${receiver.url}/hook` })
      await card.getByRole('button', { name: 'Send a test' }).click()
      await card.getByRole('table').getByText('Delivered').waitFor({ timeout: 20_000 })
      expect(receiver.received).toHaveLength(1)
      const [got] = receiver.received
      if (got) verifyWebhook(secret, got)
      await card.getByRole('button', { name: 'Details' }).click()
      await card.getByText('asked for by an admin').waitFor()
      await checkScreen(admin, '28-webhooks')
      await admin.setViewportSize({ width: 375, height: 800 })
      expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
      await checkScreen(admin, '28-webhooks-375')
      await admin.setViewportSize({ width: 1280, height: 900 })

      await card.getByRole('button', { name: 'Turn off' }).click()
      await card.getByText('Turned off by').waitFor()
      await card.getByRole('button', { name: 'Remove' }).click()
      await card.getByRole('button', { name: 'Remove it and its log' }).click()
      await admin.getByText('No endpoints yet.').waitFor()
    } finally {
      await receiver.close()
    }
  })
})

describe('incident import', () => {
  const header = 'externalId,title,reportingTeam,discoveredAt,discoveryChannel,expected,surprise,harmedGoal,harm'
  const row = (n: number, harm = 2) =>
    `BROWSER-${n},Imported in the browser ${n},engineering,2026-01-10,chat,Notice,3,Ship,${harm}`
  const csv = (lines: string[]) => ({
    name: 'incidents.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...lines].join('\n')),
  })

  it('previews a file, lists its bad rows by line, and imports a good one', async () => {
    await admin.goto('/admin/import')
    await admin.getByRole('heading', { name: 'Import incidents', level: 1 }).waitFor()
    await admin.getByLabel('CSV, JSON or NDJSON file').setInputFiles(csv([row(1), row(2, 0)]))
    await admin.getByRole('button', { name: 'Preview' }).click()
    const problems = admin.getByRole('table')
    await problems.getByText('a surprise without harm is not a misalignment').waitFor()
    expect(await problems.getByRole('cell', { name: '3', exact: true }).count()).toBe(1)
    expect(await admin.getByRole('button', { name: 'Import 1 incident' }).isDisabled()).toBe(true)
    await admin.setViewportSize({ width: 320, height: 800 })
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await checkScreen(admin, '29-incident-import-320')
    await admin.setViewportSize({ width: 1280, height: 900 })

    await admin.getByLabel('CSV, JSON or NDJSON file').setInputFiles(csv([row(1), row(2)]))
    await admin.getByRole('button', { name: 'Preview' }).click()
    await admin.getByRole('button', { name: 'Import 2 incidents' }).click()
    await admin.getByText('Imported: 2 new, 0 updated, 0 unchanged.').waitFor()
    await checkScreen(admin, '29-incident-import')
  })
})

describe('on a 375 px phone', () => {
  it('opens the menu by keyboard and files from a narrow screen', async () => {
    const { context, page } = await newPage(running, { width: 375, height: 740 })
    await signIn(page, 'lead@demo.test')
    await page.goto('/report')
    await page.getByRole('heading', { name: 'Report a misalignment' }).waitFor()
    expect(await page.getByRole('link', { name: 'Incidents' }).isVisible()).toBe(false)
    const menu = page.getByRole('button', { name: 'Menu' })
    await menu.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('link', { name: 'Incidents' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor()
    // The page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await checkScreen(page, '30-phone-incidents')
    await page.goto('/report')
    await page.getByRole('heading', { name: 'Report a misalignment' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await checkScreen(page, '31-phone-report')
    await context.close()
  })
})
