import type { Tx } from '../client'
import { auditLog } from '../schema/index'

export interface Actor {
  /** Null for the system (seeding, scheduled jobs) and for anonymous reporters. */
  id: string | null
  label: string
}

export const systemActor: Actor = { id: null, label: 'system' }

export type Changes = Record<string, { before?: unknown; after?: unknown }>

/** Fields whose before/after differ, for the audit entry of an update. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key], after: after[key] }
  }
  return changes
}

/** Written inside the caller's transaction, so the entry and the change commit together. */
export async function recordAudit(
  tx: Tx,
  entry: { actor: Actor; action: string; entityType: string; entityId: string | null; changes?: Changes },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes ?? {},
  })
}
