// Runs before the test suite: the browser tests drive Debian's Chromium, never a downloaded one.
// On a machine without it, install it when we may (root with apt-get), or say how.
import { execSync } from 'node:child_process'
import fs from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (fs.existsSync(path)) process.exit(0)

const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')
if (!canInstall) {
  console.error(
    `The browser tests need Chromium at ${path}. Install it with "sudo apt-get install -y chromium", ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  )
  process.exit(1)
}
console.error('Installing Debian Chromium for the browser tests (apt-get install -y chromium)…')
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
