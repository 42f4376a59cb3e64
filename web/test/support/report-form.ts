import type { Page } from 'playwright-core'

export interface ReportInput {
  title: string
  channel?: string
  expected?: string
  surprise?: string
  harm?: string
  goal?: string
}

/** Fills the three requirements as a person would: by label, in order. */
export async function fillRequirements(page: Page, input: ReportInput): Promise<void> {
  await page.getByLabel('In one line: what decision did you discover?').fill(input.title)
  await page.getByLabel('How did you find out?').selectOption({ label: input.channel ?? 'In a code review' })
  await page.getByLabel('What did you expect instead?').fill(input.expected ?? 'A deprecation window of two quarters')
  await page
    .getByRole('group', { name: 'How surprising was it?' })
    .getByLabel(input.surprise ?? 'Very surprising')
    .check()
  await page
    .getByRole('group', { name: 'How badly did it hurt?' })
    .getByLabel(input.harm ?? 'Significant: a goal slipped')
    .check()
  if (input.harm?.startsWith('No harm')) return
  await page.getByLabel('Which of your goals did it hurt?').fill(input.goal ?? 'Ship the new checkout by April')
}

/** The CSRF token of the page's session, for writes made beside the UI (another person's edit). */
export async function csrfOf(page: Page): Promise<string> {
  const session = await page.request.get('/api/v1/auth/session')
  return ((await session.json()) as { csrfToken: string }).csrfToken
}
