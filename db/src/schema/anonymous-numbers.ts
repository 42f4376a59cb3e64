import { date, index, integer, pgTable } from 'drizzle-orm/pg-core'

/**
 * MIS numbers for anonymous reports are reserved in a block at the first filing of each UTC
 * day and handed out in random order, so an anonymous report's number says which day it was
 * filed and nothing finer (docs/decisions/014).
 */
export const incidentNumberDays = pgTable('incident_number_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
})

/** Reserved numbers not yet given to an anonymous report; a number leaves when it is used. */
export const anonymousIncidentNumbers = pgTable(
  'anonymous_incident_numbers',
  {
    number: integer('number').primaryKey(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [index('anonymous_incident_numbers_day_idx').on(t.day)],
)
