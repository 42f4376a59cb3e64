import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, signIn, startApp } from './support/app-server'

/* The Export menu of the incident list: its links carry the list's filters, and one downloads. */
let running: RunningApp
let lead: Page

beforeAll(async () => {
  running = await startApp()
  lead = (await newPage(running, { width: 320, height: 800 })).page
  await signIn(lead, 'lead@demo.test')
}, 240_000)
afterAll(async () => running?.close())

describe('exporting the incident list', { timeout: 90_000 }, () => {
  it('offers CSV, NDJSON and JSON of the filtered list, and downloads every matching incident', async () => {
    await lead.goto('/incidents?status=open&sort=-weightedHarm')
    await lead.getByRole('list', { name: 'Incidents' }).waitFor()
    await lead.getByText('Export', { exact: true }).click()
    const links = lead.getByRole('list', { name: 'Export these incidents' })
    const csv = new URL((await links.getByRole('link', { name: 'CSV' }).getAttribute('href')) ?? '', running.url)
    expect(csv.pathname).toBe('/api/v1/incidents/export')
    expect(Object.fromEntries(csv.searchParams)).toEqual({ status: 'open', sort: '-weightedHarm', format: 'csv' })
    expect(await lead.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 320 px').toBeLessThanOrEqual(
      320,
    )
    await screenshot(lead, 'exports-01-incident-menu-320')

    const [download] = await Promise.all([lead.waitForEvent('download'), links.getByRole('link', { name: 'NDJSON' }).click()])
    expect(download.suggestedFilename()).toMatch(/^incidents-\d{4}-\d{2}-\d{2}\.ndjson$/)
    const rows = readFileSync((await download.path()) as string, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; status: string })
    const listed = (await (await lead.request.get('/api/v1/incidents?status=open&limit=1')).json()) as { total: number }
    expect(rows).toHaveLength(listed.total)
    expect(rows.every((row) => row.status === 'open')).toBe(true)
  })
})
