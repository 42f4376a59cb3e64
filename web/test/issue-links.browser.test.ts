import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, signIn, startApp } from './support/app-server'

/* Issue-tracker links (ADR 042) on an action and on an incident, at the narrowest width. */
let running: RunningApp
let admin: Page

beforeAll(async () => {
  running = await startApp()
  admin = (await newPage(running, { width: 320, height: 800 })).page
  await signIn(admin, 'admin@demo.test')
}, 240_000)
afterAll(async () => running?.close())

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 320 px').toBeLessThanOrEqual(320)

describe('issue-tracker links', { timeout: 90_000 }, () => {
  it('recognizes the tracker while a URL is typed, adds it to an action as a chip, and removes it', async () => {
    await admin.goto('/actions')
    await admin
      .getByRole('button', { name: /^Add link to/ })
      .first()
      .click()
    const field = admin.getByLabel('Issue URL')
    await field.fill('https://gitlab.com/acme/app/-/issues/3')
    await admin.getByText(/gitlab.com is not a tracker/).waitFor()
    expect(await admin.getByRole('button', { name: 'Add', exact: true }).isDisabled()).toBe(true)
    await field.fill('https://acme.atlassian.net/browse/ABC-123')
    await admin.getByText('Recognized: JIRA ABC-123').waitFor()
    await admin.getByRole('button', { name: 'Add', exact: true }).click()

    const chip = admin.getByRole('link', { name: /JIRA\s*ABC-123/ })
    await chip.waitFor()
    expect(await chip.getAttribute('href')).toBe('https://acme.atlassian.net/browse/ABC-123')
    await noSidewaysScroll(admin)
    await screenshot(admin, 'issue-links-01-action-320')

    await admin.getByRole('button', { name: 'Remove the link to JIRA ABC-123' }).click()
    await chip.waitFor({ state: 'detached' })
  })

  it('links an incident to a GitHub issue from its page', async () => {
    await admin.goto('/incidents/MIS-1')
    await admin.getByRole('heading', { name: 'Tracker issues' }).waitFor()
    await admin.getByRole('button', { name: 'Add link to MIS-1' }).click()
    await admin.getByLabel('Issue URL').fill('https://github.com/acme/app/issues/12')
    await admin.getByText('Recognized: GitHub acme/app#12').waitFor()
    await admin.getByRole('button', { name: 'Add', exact: true }).click()
    await admin.getByRole('link', { name: /GitHub\s*acme\/app#12/ }).waitFor()
    await noSidewaysScroll(admin)
    await screenshot(admin, 'issue-links-02-incident-320')
  })
})
