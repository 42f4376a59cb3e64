/**
 * Every screen's height at 1280 px and sideways scroll at 375 px, as each role, on a running
 * app (issue #17: no page taller than 6,000 px at 1280 on the demo org, none scrolling sideways).
 * Usage: APP_URL=http://127.0.0.1:3000 node --import tsx web/scripts/measure-pages.ts
 */
import { chromium, type Page } from 'playwright-core'

const base = process.env.APP_URL ?? 'http://127.0.0.1:3000'
const roles = (process.env.ROLES ?? 'admin,leader,lead,member').split(',')
const staticPaths = [
  '/my-reports',
  '/glossary',
  '/report',
  '/incidents',
  '/decisions',
  '/strategies',
  '/strategy-gaps',
  '/teams',
  '/priorities',
  '/leadership',
  '/leadership/decisions',
  '/leadership/coverage',
  '/dashboard',
  '/dashboard?tab=discovery',
  '/dashboard?tab=harm',
  '/dashboard?tab=remediation',
  '/clusters',
  '/retros',
  '/actions',
  '/triage',
]

async function firstLink(page: Page, list: string, prefix: string): Promise<string | null> {
  await page.goto(`${base}${list}`)
  await page.waitForLoadState('networkidle')
  const href = await page
    .locator(`main a[href^="${prefix}"]`)
    .first()
    .getAttribute('href')
    .catch(() => null)
  return href
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
const rows: string[] = []
for (const role of roles) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(`${base}/sign-in`)
  await page.getByLabel('Email').fill(`${role}@demo.test`)
  await page.getByLabel('Password').fill('demo-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
  const details = [
    await firstLink(page, '/incidents', '/incidents/MIS-'),
    await firstLink(page, '/clusters', '/clusters/'),
    await firstLink(page, '/strategy-gaps', '/strategy-gaps/'),
    await firstLink(page, '/retros', '/retros/'),
    await firstLink(page, '/decisions', '/decisions/'),
    await firstLink(page, '/strategies', '/strategies/'),
  ].filter((x): x is string => !!x && !x.endsWith('/new'))
  for (const path of [...staticPaths, ...details]) {
    errors.length = 0
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}${path}`)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(300)
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    await page.setViewportSize({ width: 375, height: 800 })
    await page.waitForTimeout(200)
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    rows.push(
      `${role.padEnd(7)} ${path.padEnd(56)} ${String(height).padStart(6)} px${height > 6000 ? '  TOO TALL' : ''}${sideways > 0 ? `  sideways ${sideways}px at 375` : ''}${errors.length ? `  console: ${errors[0]?.slice(0, 80)}` : ''}`,
    )
  }
  await context.close()
}
console.log(rows.join('\n'))
await browser.close()
