import { integer, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Every table: a uuid key and its timestamps (DESIGN.md, "Data model"). */
export const id = () => uuid('id').primaryKey().defaultRandom()

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}

/** Optimistic concurrency: PATCH sends it back as If-Match; every write bumps it. */
export const version = () => integer('version').notNull().default(1)
