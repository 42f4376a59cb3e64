import { lt, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { rateLimitWindows } from '../../schema/index'

export interface WindowCount {
  /** Hits in the current window, this one included. */
  hits: number
  /** Milliseconds until the window ends and the count starts again. */
  msLeft: number
}

/**
 * Fixed-window request counters in `rate_limit_windows`, shared by every API instance on the
 * database. A key's window opens at its first hit and lasts `windowMs` (as the in-memory store
 * did), timed by the database's clock, so instances with drifting clocks still agree.
 */
export function rateLimitRepository(db: Db) {
  return {
    /**
     * Counts one hit and returns the count so far, in one statement: concurrent hits from any
     * number of instances are each counted once (the upsert takes the row lock). A hit that waited
     * on the lock may have started before the window it joins (`now()` is its statement's start),
     * so the time left is capped at the window's length.
     */
    async hit(key: string, windowMs: number): Promise<WindowCount> {
      const window = Math.max(1, Math.trunc(windowMs))
      const length = sql`(${window}::double precision * interval '1 millisecond')`
      const [row] = await queryRows<{ hits: number; ms_left: number | string }>(
        db,
        sql`
        insert into rate_limit_windows as w (key, window_started_at, hits) values (${key}, now(), 1)
        on conflict (key) do update set
          hits = case when w.window_started_at > now() - ${length} then w.hits + 1 else 1 end,
          window_started_at = case when w.window_started_at > now() - ${length} then w.window_started_at else now() end
        returning w.hits,
          least(${window}, greatest(0, ceil(extract(epoch from (w.window_started_at + ${length} - now())) * 1000)))::bigint as ms_left`,
      )
      return { hits: row?.hits ?? 1, msLeft: Number(row?.ms_left ?? window) }
    },

    /** The count so far without counting a hit (0 once the window is over). */
    async peek(key: string, windowMs: number): Promise<WindowCount> {
      const window = Math.max(1, Math.trunc(windowMs))
      const [row] = await queryRows<{ hits: number; ms_left: number | string }>(
        db,
        sql`
        select hits,
          ceil(extract(epoch from (window_started_at + (${window}::double precision * interval '1 millisecond') - now())) * 1000)::bigint as ms_left
        from rate_limit_windows where key = ${key}`,
      )
      const msLeft = Number(row?.ms_left ?? 0)
      return row && msLeft > 0 ? { hits: row.hits, msLeft } : { hits: 0, msLeft: 0 }
    },

    /** Housekeeping: windows that ended a day ago are only clutter. */
    async purgeStale(): Promise<void> {
      await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStartedAt, sql`now() - interval '1 day'`))
    },
  }
}

export type RateLimitRepository = ReturnType<typeof rateLimitRepository>
