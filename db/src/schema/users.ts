import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { roleEnum } from './enums'
import { teams } from './teams'

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: roleEnum('role').notNull().default('member'),
    passwordHash: text('password_hash'),
    /** `issuer|subject` of an OIDC identity, when the user signs in through the company's provider. */
    externalIdentity: text('external_identity'),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    // Emails are unique case-insensitively (DESIGN.md).
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_external_identity_key').on(t.externalIdentity),
  ],
)

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('memberships_user_team_key').on(t.userId, t.teamId), index('memberships_team_idx').on(t.teamId)],
)

export type UserRow = typeof users.$inferSelect
export type MembershipRow = typeof memberships.$inferSelect
