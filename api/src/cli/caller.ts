import type { Actor } from '@misalign/db'
import type { Caller } from '../services/caller'

/** How the audit log names a change made from the command line (it always has). */
export const cliActor: Actor = { id: null, label: 'cli' }

/**
 * Whoever runs `pnpm cli` already holds the database: the command line acts as an admin, so
 * the services' permission checks pass, and the audit log says "cli". It is nobody's account:
 * the nil uuid matches no user, and its report key matches no report (it files none).
 */
export const cliCaller: Caller = {
  viewer: { userId: '00000000-0000-0000-0000-000000000000', role: 'admin', teamIds: [], reporterKey: 'cli:none' },
  actor: cliActor,
}
