import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newPage, type RunningApp, screenshot, screenshotDir, seriousViolations, signIn, startApp } from './support/app-server'
import { csrfOf } from './support/report-form'

/**
 * The report form's fixes of issue 17, the sign-in page without console errors and the gap's
 * "Draft the strategy now", at the widths people use: each screen axe-clean, without sideways
 * scroll or console errors, and photographed.
 */
let running: RunningApp

beforeAll(async () => {
  running = await startApp()
  console.log(`Browser test screenshots: ${screenshotDir}`)
}, 120_000)
afterAll(async () => running?.close())

const widths = [1280, 1024, 800, 375]

/** Console errors and uncaught exceptions of a page from now on. */
function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

async function checkScreen(page: Page, name: string, width: number): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `no sideways scroll on ${name}`).toBeLessThanOrEqual(width)
  await screenshot(page, name)
}

const topOf = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN

interface IncidentJson {
  key: string
  title: string
  reportingTeamId: string
}

/** A demo incident of another team, whose title the member types as if reporting it again. */
async function anotherTeamsIncident(page: Page): Promise<IncidentJson> {
  const me = (await (await page.request.get('/api/v1/auth/whoami')).json()) as { user: { teamIds: string[] } }
  const list = (await (await page.request.get('/api/v1/incidents?limit=100')).json()) as { items: IncidentJson[] }
  const found = list.items.find((i) => !me.user.teamIds.includes(i.reportingTeamId) && i.title.length > 20)
  if (!found) throw new Error('no incident of another team in the demo org')
  return found
}

describe('the sign-in page', () => {
  it('logs no console error for a signed-out visitor, at every width', async () => {
    for (const width of widths) {
      const { context, page } = await newPage(running, { width, height: 800 })
      const errors = consoleErrorsOf(page)
      await page.goto('/')
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      await page.goto('/sign-in')
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      await checkScreen(page, `rf-01-sign-in-${width}`, width)
      expect(errors, `console errors on the sign-in page at ${width}`).toEqual([])
      await context.close()
    }
  }, 240_000)
})

describe('the report form', () => {
  it('checks for duplicates under the title, says what harm needs, and keeps the decision step usable', async () => {
    // And at 320 px, the narrowest phone the app promises to fit.
    for (const width of [...widths, 320]) {
      const { context, page } = await newPage(running, { width, height: 900 })
      await signIn(page, 'member@demo.test')
      const errors = consoleErrorsOf(page)
      await page.evaluate(() => localStorage.clear())
      const existing = await anotherTeamsIncident(page)
      await page.goto('/report')
      await page.getByRole('heading', { name: 'Report a misalignment' }).waitFor()

      // "Is this already reported?" answers under the title, before the rest of the form.
      await page.getByLabel('In one line: what decision did you discover?').fill(existing.title)
      await page.getByRole('heading', { name: 'Is this already reported?' }).waitFor()
      const same = page.getByRole('link', { name: `This is the same thing: open ${existing.key} and add that it hurt us too` })
      await same.waitFor()
      const [title, similar, discovered] = await Promise.all([
        topOf(page, '#title'),
        topOf(page, '.similar'),
        topOf(page, '#discoveredAt'),
      ])
      expect(similar, 'the duplicate check sits under the title').toBeGreaterThan(title)
      expect(similar, 'and before the discovery date').toBeLessThan(discovered)

      // Everything but harm: the form asks how much it hurt, not a verdict on a harm never given.
      await page.getByLabel('When did you find out?').fill('2026-05-01')
      await page.getByLabel('How did you find out?').selectOption({ label: 'In a code review' })
      await page.getByLabel('What did you expect instead?').fill('A heads-up in the planning review')
      await page.getByRole('group', { name: 'How surprising was it?' }).getByLabel('Very surprising').check()
      await page.getByLabel('Which of your goals did it hurt?').fill('Ship the spring release')
      await page.getByRole('button', { name: 'File incident' }).click()
      const summary = page.locator('.error-summary')
      await summary.waitFor()
      expect(await summary.textContent()).toContain('Say how much this hurt, 1–5')
      expect(await summary.textContent()).not.toContain('a surprise without harm')

      // The words of every harm and surprise card stay inside it.
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('.scale-option')]
          .filter((card) => {
            const box = card.getBoundingClientRect()
            const words = card.querySelector('.scale-words')?.getBoundingClientRect()
            return card.scrollWidth > card.clientWidth + 1 || (words !== undefined && words.right > box.right + 0.5)
          })
          .map((card) => card.textContent),
      )
      expect(overflowing, `scale cards overflowing at ${width}`).toEqual([])
      // Nor is a word split inside a card to make it fit ("Unexpecte / d").
      const splitWords = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.scale-words')].flatMap((words) =>
          (words.textContent ?? '').split(/\s+/).filter((word) => {
            const probe = document.createElement('span')
            probe.style.whiteSpace = 'nowrap'
            probe.textContent = word
            words.append(probe)
            const tooWide = probe.getBoundingClientRect().width > words.getBoundingClientRect().width + 0.5
            probe.remove()
            return tooWide
          }),
        ),
      )
      expect(splitWords, `words split inside scale cards at ${width}`).toEqual([])

      // "No match" is said in the page's flow: the button under the search stays uncovered.
      const search = page.getByRole('combobox', { name: 'Which decision caused this?' })
      // Words nobody used before (each width records the decision it searched for).
      await search.fill(`unheard ${Math.random().toString(36).slice(2, 8)} decision`)
      await page.getByText('No recorded decision matches. Record it below.').waitFor()
      const record = page.getByRole('button', { name: 'Record the decision' })
      await record.scrollIntoViewIfNeeded()
      const box = await record.boundingBox()
      if (!box) throw new Error('no Record the decision button')
      const isUncovered = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent === 'Record the decision',
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      )
      expect(isUncovered, `Record the decision is uncovered at ${width}`).toBe(true)

      // Recording the decision in place: no date assumed, none after the discovery accepted.
      await record.click()
      const decidedOn = page.getByLabel('Decided on')
      expect(await decidedOn.inputValue()).toBe('')
      await page.getByLabel('Team that owns the decision').selectOption({ index: 1 })
      await page.getByRole('button', { name: 'Record decision' }).click()
      await page.getByText('Say roughly when it was decided: a guess to the week is fine').waitFor()
      await decidedOn.fill('2026-05-02')
      await page.getByRole('button', { name: 'Record decision' }).click()
      await page.getByText('It was decided before you found out about it: give a day on or before 1 May 2026').waitFor()
      await checkScreen(page, `rf-02-report-${width}`, width)
      // One date format in the page's words: no ISO day outside the date controls.
      expect(await page.evaluate(() => document.body.textContent?.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? null)).toBeNull()

      await decidedOn.fill('2026-04-20')
      await page.getByRole('button', { name: 'Record decision' }).click()
      await page.getByText('Upstream decision').waitFor()

      // "This is the same thing" joins the existing incident: its "this hurt us too" form, in view.
      await page.getByRole('group', { name: 'How badly did it hurt?' }).getByLabel('Noticeable: some rework or waiting').check()
      await same.click()
      const join = page.getByRole('heading', { name: `Add your team’s harm to ${existing.key}` })
      await join.waitFor()
      await page.waitForFunction(() => document.activeElement?.id === 'impact-form-heading')
      const joinBox = await join.boundingBox()
      expect(
        joinBox && joinBox.y >= -1 && joinBox.y < 900,
        `the joining form is in view at ${width}: ${JSON.stringify(joinBox)}`,
      ).toBe(true)
      expect(
        await page.getByRole('group', { name: 'How much did it hurt your team' }).getByRole('radio', { checked: true }).count(),
      ).toBe(1)
      await checkScreen(page, `rf-03-same-thing-${width}`, width)
      expect(errors, `console errors at ${width}`).toEqual([])
      await context.close()
    }
  }, 240_000)
})

describe('a strategy gap with no published strategy to close it', () => {
  it('drafts the strategy from the gap, linked at once', async () => {
    for (const width of widths) {
      const { context, page } = await newPage(running, { width, height: 900 })
      await signIn(page, 'leader@demo.test')
      const errors = consoleErrorsOf(page)
      const csrf = await csrfOf(page)
      const me = (await (await page.request.get('/api/v1/auth/whoami')).json()) as { user: { id: string } }
      const title = `Release trains nobody announced ${width}`
      const description = 'Which weeks the release trains leave, and who may board late'
      const opened = await page.request.post('/api/v1/strategy-gaps', {
        headers: { 'x-csrf-token': csrf },
        data: { title, description },
      })
      const gap = (await opened.json()) as { id: string; version: number }
      const acknowledged = await page.request.post(`/api/v1/strategy-gaps/${gap.id}/transitions`, {
        headers: { 'x-csrf-token': csrf, 'if-match': `"${gap.version}"` },
        data: { to: 'acknowledged', ownerId: me.user.id },
      })
      expect(acknowledged.status()).toBe(200)

      await page.goto(`/strategy-gaps/${gap.id}`)
      await page.getByRole('button', { name: 'Draft the strategy now' }).click()
      await page.waitForFunction(() => document.activeElement?.id === 'strategy-form-heading')
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title)
      expect(await page.getByLabel('Context: why these priorities').inputValue()).toBe(description)
      await page.getByLabel('Owner team').selectOption({ index: 1 })
      await page.getByRole('combobox', { name: 'We prefer' }).fill('predictable release weeks')
      await page.getByRole('combobox', { name: 'over' }).fill('late boarding')
      await page.getByLabel('for goal').fill('fewer surprised teams at launch')
      await checkScreen(page, `rf-04-gap-draft-form-${width}`, width)
      await page.getByRole('button', { name: 'Save as draft' }).click()
      await page.getByText('Strategy drafted for this gap:').waitFor()
      await page.locator('.notice').getByRole('link', { name: title }).waitFor()
      const linked = (await (await page.request.get(`/api/v1/strategy-gaps/${gap.id}`)).json()) as {
        status: string
        addressedByStrategyId: string | null
      }
      expect(linked.status).toBe('acknowledged')
      expect(linked.addressedByStrategyId).not.toBeNull()
      await checkScreen(page, `rf-05-gap-draft-linked-${width}`, width)
      expect(errors, `console errors at ${width}`).toEqual([])
      await context.close()
    }
  }, 240_000)
})
