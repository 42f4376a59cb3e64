import type { DomainEvent } from '@misalign/shared'
import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../client'
import { type OutboxEventRow, outboxEvents } from '../../schema/index'

/** The outbox's queries; services append through `appendEvent` inside their own transaction. */
export async function appendEvent(executor: Db, event: DomainEvent): Promise<OutboxEventRow> {
  const [row] = await executor.insert(outboxEvents).values(event).returning()
  if (!row) throw new Error('the outbox insert returned no row')
  return row
}

/** Many events in one multi-row insert, in the order given (their `seq` follows it): for imports. */
export async function appendEvents(executor: Db, events: readonly DomainEvent[]): Promise<OutboxEventRow[]> {
  if (events.length === 0) return []
  const rows = await executor
    .insert(outboxEvents)
    .values([...events])
    .returning()
  // seq is drawn row by row in the order of the values; RETURNING's own order is not promised.
  return rows.sort((a, b) => a.seq - b.seq)
}

export function outboxRepository(db: Db) {
  return {
    find: async (id: string): Promise<OutboxEventRow | undefined> =>
      (await db.select().from(outboxEvents).where(eq(outboxEvents.id, id)).limit(1))[0],
    /** The newest event's position: a reader that saw it has seen every change before it. */
    latestSeq: async (): Promise<number> => {
      const [row] = await db.select({ seq: sql<number>`coalesce(max(${outboxEvents.seq}), 0)::bigint` }).from(outboxEvents)
      return Number(row?.seq ?? 0)
    },
    recent: (limit: number) => db.select().from(outboxEvents).orderBy(desc(outboxEvents.seq)).limit(limit),
  }
}
