import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, seriousViolations, signIn, startApp } from './support/app-server'

let running: RunningApp
let lead: Page

beforeAll(async () => {
  running = await startApp()
  lead = (await newPage(running)).page
  await signIn(lead, 'lead@demo.test')
}, 120_000)
afterAll(async () => running?.close())

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  await screenshot(page, name)
}

describe('the Priorities page', () => {
  it('lists the register with its aliases, searches them, and adds and edits a priority', async () => {
    await lead.goto('/report')
    await lead.getByRole('link', { name: 'Priorities' }).first().click()
    const table = lead.getByRole('table', { name: 'Priorities' })
    await table.waitFor()
    await lead.getByText(/^\d+ priorities\.$/).waitFor()
    await table.getByRole('cell', { name: 'Privacy by default', exact: true }).waitFor()
    await checkScreen(lead, '60-priorities')

    await lead.getByLabel('Search names and aliases').fill('minimis')
    await lead.getByText('1 priorities match “minimis”.').waitFor()
    expect(await table.getByRole('row').count()).toBe(2)
    await lead.getByLabel('Search names and aliases').fill('')

    await lead.getByRole('button', { name: 'Add a priority' }).click()
    await lead.getByLabel('Name', { exact: true }).fill('Release safety')
    await lead.getByLabel(/Also called/).fill('safe rollouts')
    await lead.getByRole('button', { name: 'Save priority' }).click()
    await table.getByRole('cell', { name: 'Release safety', exact: true }).waitFor()

    await lead.getByRole('button', { name: 'Edit Release safety' }).click()
    await lead.getByLabel(/Also called/).fill('safe rollouts\ncareful deploys')
    await lead.getByRole('button', { name: 'Save priority' }).click()
    await table.getByRole('cell', { name: 'safe rollouts, careful deploys' }).waitFor()
  })

  it('lets a lead confirm the priorities suggested for a tradeoff', async () => {
    await lead.goto('/priorities')
    const section = lead.getByRole('region', { name: /Tradeoffs to confirm/ })
    const heading = section.getByRole('heading', { name: /Tradeoffs to confirm \(\d+\)/ })
    await heading.waitFor()
    const before = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1])
    expect(before).toBeGreaterThan(0)
    await section.getByRole('button', { name: 'Confirm priorities' }).first().click()
    await section.getByRole('heading', { name: `Tradeoffs to confirm (${before - 1})` }).waitFor()
  })

  it('is readable at 320 px and read-only for members', async () => {
    const { context, page } = await newPage(running, { width: 320, height: 800 })
    await signIn(page, 'member@demo.test')
    await page.goto('/priorities')
    await page.getByRole('table', { name: 'Priorities' }).waitFor()
    await page.getByText('Read-only for you: leads, leaders and admins keep the register.').waitFor()
    expect(await page.getByRole('button', { name: 'Add a priority' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Confirm priorities' }).count()).toBe(0)
    await checkScreen(page, '62-priorities-phone')
    await context.close()
  })
})

describe('picking a priority in a tradeoff field', () => {
  it('offers the register’s priority for typed words, or adds the words as a new priority', async () => {
    await lead.goto('/decisions')
    await lead.getByRole('button', { name: 'Record a decision' }).click()
    await lead.getByLabel('What was decided?').fill('Keep fewer event fields in the mobile app')
    await lead.getByLabel('Owning team').selectOption({ index: 1 })

    const prefer = lead.getByRole('combobox', { name: 'We prefer' })
    await prefer.fill('data minimization')
    const suggestion = lead.getByRole('option', { name: /Privacy by default/ })
    await suggestion.waitFor()
    await checkScreen(lead, '61-priority-picker')
    await suggestion.click()
    expect(await prefer.inputValue()).toBe('Privacy by default')
    await lead.getByText('Priority: Privacy by default').waitFor()

    const over = lead.getByRole('combobox', { name: 'over' })
    await over.fill('Quarterly roadmap bets')
    await lead.getByRole('option', { name: 'Add “Quarterly roadmap bets” as a new priority' }).click()
    await lead.getByText('Priority: Quarterly roadmap bets').waitFor()

    await lead.getByLabel('for goal').fill('pass the privacy review')
    await lead.getByRole('button', { name: 'Record decision' }).click()
    await lead.getByRole('heading', { name: 'Keep fewer event fields in the mobile app' }).waitFor()

    const id = lead.url().split('/').pop()
    const saved = (await (await lead.request.get(`/api/v1/decisions/${id}`)).json()) as {
      tradeoff: { prefer: string; over: string; prioritiesConfirmed: boolean; overPriorityId: string }
    }
    expect(saved.tradeoff).toMatchObject({
      prefer: 'Privacy by default',
      over: 'Quarterly roadmap bets',
      prioritiesConfirmed: true,
    })
    const created = (await (await lead.request.get(`/api/v1/priorities/${saved.tradeoff.overPriorityId}`)).json()) as {
      name: string
    }
    expect(created.name).toBe('Quarterly roadmap bets')
  })
})
