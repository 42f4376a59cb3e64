import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, seriousViolations, signIn, startApp, webRoot } from './support/app-server'

const fixtures = path.resolve(webRoot, '..', 'api', 'test', 'decision-import', 'fixtures')

let running: RunningApp
let admin: Page

beforeAll(async () => {
  running = await startApp({ incidents: 20 })
  admin = (await newPage(running)).page
  await signIn(admin, 'admin@demo.test')
}, 120_000)
afterAll(async () => running?.close())

describe('importing ADRs', () => {
  it('previews two files, stores the ticked tradeoff, and imports them', async () => {
    await admin.goto('/decisions')
    await admin.getByRole('link', { name: 'Import ADRs' }).click()
    await admin.getByRole('heading', { name: 'Import ADRs' }).waitFor()

    const team = admin.getByLabel('Owning team')
    const teamName = (await team.locator('option').nth(1).textContent()) ?? ''
    await team.selectOption({ label: teamName })
    await admin
      .getByLabel('Markdown files or a zip')
      .setInputFiles([
        path.join(fixtures, 'madr/0001-use-a-postgres-backed-job-queue.md'),
        path.join(fixtures, 'adr-tools/0001-record-architecture-decisions.md'),
      ])
    await admin.getByText('2 Markdown files chosen.').waitFor()
    await admin.getByRole('button', { name: 'Preview' }).click()

    const preview = admin.getByRole('table')
    await preview.getByRole('rowheader', { name: 'Use a Postgres-backed job queue' }).waitFor()
    await preview.getByRole('rowheader', { name: 'Record architecture decisions' }).waitFor()
    expect(await seriousViolations(admin), 'accessibility of the import preview').toEqual([])
    await screenshot(admin, '40-decision-import-preview')

    await admin.getByLabel('Use this tradeoff').check()
    await admin.getByRole('button', { name: 'Import 2 decisions' }).click()
    await admin.getByText('Imported: 2 new, 0 updated').waitFor()

    const listed = await admin.request.get('/api/v1/decisions?q=Postgres-backed&limit=5')
    const [decision] = ((await listed.json()) as { items: { title: string; tradeoff: { prefer: string } | null }[] }).items
    expect(decision).toMatchObject({
      title: 'Use a Postgres-backed job queue',
      tradeoff: { prefer: 'pg-boss on the existing Postgres' },
    })
  })

  it('fits a 320 px screen', async () => {
    const { page } = await newPage(running, { width: 320, height: 800 })
    await signIn(page, 'admin@demo.test')
    await page.goto('/decisions/import')
    await page.getByRole('heading', { name: 'Import ADRs' }).waitFor()
    await screenshot(page, '41-decision-import-320')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
