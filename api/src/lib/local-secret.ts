import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * For the embedded setup: a secret generated on first start and kept beside the data folder
 * (never in the database, so a copy of the database alone cannot undo anonymity).
 * Production sets REPORTER_KEY_SECRET instead.
 */
export function localSecret(folder: string, name: string): string {
  const file = path.join(folder, `${name}.secret`)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(folder, { recursive: true })
    try {
      fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  return fs.readFileSync(file, 'utf8').trim()
}
