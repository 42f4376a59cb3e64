import { sql } from 'drizzle-orm'
import { queryRows, type Tx } from '../../client'

/**
 * How many MIS numbers each UTC day reserves for its anonymous reports. A day with more
 * anonymous reports reserves another block when the first runs out, and that block's place
 * says "filed after the block ran out": see docs/decisions/014 for the trade.
 */
export const ANONYMOUS_NUMBER_BLOCK = 10

const today = sql`(now() at time zone 'utc')::date`

const reserveBlock = (tx: Tx) =>
  tx.execute(sql`insert into anonymous_incident_numbers (number, day)
    select nextval('incident_number_seq'), ${today} from generate_series(1, ${ANONYMOUS_NUMBER_BLOCK})`)

/**
 * Runs before every filing: the day's first filing, whoever makes it, reserves the day's block,
 * so the block sits before every named report of the day whenever the anonymous ones come.
 * A concurrent first filing waits on the day's row and then finds the block there.
 */
export async function reserveTodaysAnonymousNumbers(tx: Tx): Promise<void> {
  await tx.execute(sql`with claimed as (
      insert into incident_number_days (day) values (${today}) on conflict do nothing returning day
    )
    insert into anonymous_incident_numbers (number, day)
    select nextval('incident_number_seq'), claimed.day from claimed, generate_series(1, ${ANONYMOUS_NUMBER_BLOCK})`)
}

/** A random unused number of today's block (reserving another block if it ran out). */
export async function takeAnonymousNumber(tx: Tx): Promise<number> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const [taken] = await queryRows<{ number: number }>(
      tx,
      sql`delete from anonymous_incident_numbers where number = (
          select number from anonymous_incident_numbers where day = ${today}
          order by random() limit 1 for update skip locked
        ) returning number`,
    )
    if (taken) return Number(taken.number)
    await reserveBlock(tx)
  }
  throw new Error('no anonymous number could be reserved')
}
