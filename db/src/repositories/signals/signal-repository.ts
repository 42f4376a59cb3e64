import type { NewSignal, Page, Signal, SignalQuery } from '@misalign/shared'
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../client'
import { type SignalRow, signals } from '../../schema/index'
import { type Actor, anonymousActor, diff, recordAudit } from '../access/audit-repository'
import { toPage } from '../support/cursor'
import { beforeInDescending, decodeSortCursor } from '../support/keyset'

/** The reporter stays in the row (for their own use later) but never leaves the repository. */
export function toSignal(row: SignalRow): Signal {
  return {
    id: row.id,
    kind: row.kind,
    teamId: row.teamId,
    strategyId: row.strategyId,
    note: row.note,
    occurredAt: row.occurredAt,
  }
}

export function signalRepository(db: Db) {
  return {
    async list(query: SignalQuery): Promise<Page<Signal>> {
      const limit = query.limit ?? 50
      const after = decodeSortCursor(query.cursor, 'day')
      const rows = await db
        .select()
        .from(signals)
        .where(
          and(
            query.kind ? eq(signals.kind, query.kind) : undefined,
            query.teamId ? eq(signals.teamId, query.teamId) : undefined,
            after ? beforeInDescending(signals.occurredAt, signals.id, after, 'day') : undefined,
          ),
        )
        .orderBy(desc(signals.occurredAt), desc(signals.id))
        .limit(limit + 1)
      return toPage(rows, limit, toSignal, (row) => [row.occurredAt, row.id])
    },

    /** An anonymous note keeps no reporter and is audited as "anonymous", like an anonymous incident. */
    async create(input: NewSignal, actor: Actor): Promise<Signal> {
      const anonymous = input.anonymous === true
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(signals)
          .values({
            kind: input.kind,
            teamId: input.teamId,
            strategyId: input.strategyId ?? null,
            reporterId: anonymous ? null : actor.id,
            note: input.note,
            occurredAt: input.occurredAt,
          })
          .returning()
        if (!row) throw new Error('insert returned no row')
        const signal = toSignal(row)
        await recordAudit(tx, {
          actor: anonymous ? anonymousActor : actor,
          action: 'create',
          entityType: 'signal',
          entityId: row.id,
          changes: diff({}, signal),
        })
        return signal
      })
    },
  }
}

export type SignalRepository = ReturnType<typeof signalRepository>
