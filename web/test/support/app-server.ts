import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { buildApp } from '../../../api/src/app'
import { testConfig } from '../../../api/test/helper'
import { seedDemo } from '../../../db/seed/index'
import { type Database, openTestDatabase } from '../../../db/src/index'

const here = path.dirname(fileURLToPath(import.meta.url))
export const webRoot = path.resolve(here, '../..')
export const screenshotDir = path.resolve(webRoot, '..', 'test-results', 'screenshots')

/** The demo org is seeded as of this day, so every run sees the same incidents. */
export const SEED_TODAY = '2026-06-30'
export const DEMO_PASSWORD = 'demo-password'

/** A production build even under vitest (NODE_ENV=test would otherwise bundle React's development build). */
async function buildWebApp(): Promise<void> {
  const before = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ root: webRoot, mode: 'production', logLevel: 'warn', configFile: path.join(webRoot, 'vite.config.ts') })
  } finally {
    process.env.NODE_ENV = before
  }
}

export interface RunningApp {
  url: string
  database: Database
  browser: Browser
  close(): Promise<void>
}

/**
 * The real thing end to end: a fresh build of the web app, a fresh database with a small demo
 * org, the real API serving both on a free port, and Debian's Chromium (never a downloaded one).
 */
export async function startApp(options: { incidents?: number } = {}): Promise<RunningApp> {
  await buildWebApp()
  const database = await openTestDatabase()
  await seedDemo(database, { today: SEED_TODAY, incidents: options.incidents ?? 300 })
  const app = await buildApp({
    config: testConfig(database, { webDist: path.join(webRoot, 'dist'), logLevel: 'warn' }),
    database,
    logStream: { write: () => {} },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  mkdirSync(screenshotDir, { recursive: true })
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    browser,
    async close() {
      await browser.close().catch(() => {})
      await app.close()
      await database.close()
    },
  }
}

export async function newPage(
  running: RunningApp,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await running.browser.newContext({ baseURL: running.url, viewport, reducedMotion: 'reduce' })
  // Well under the test timeout, so a missing element fails with its own name rather than a timeout.
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  return { context, page }
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // The brand link is in the signed-in shell at every width (Sign out hides in the phone menu).
  await page.getByRole('link', { name: 'Misalignment Tracker' }).waitFor()
}

/** Serious and critical axe violations on the page as it is now, described for a failure message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}
