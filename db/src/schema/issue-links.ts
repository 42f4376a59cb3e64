import { issueLinkStates, issueLinkSubjects, issueTrackers } from '@misalign/shared'
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { users } from './users'

export const issueLinkSubjectEnum = pgEnum('issue_link_subject', issueLinkSubjects)
export const issueTrackerEnum = pgEnum('issue_tracker', issueTrackers)
export const issueLinkStateEnum = pgEnum('issue_link_state', issueLinkStates)

/**
 * An action's or an incident's link to an issue in Jira, Linear or GitHub. The subject has no
 * foreign key: it is one of two tables, and actions and incidents are never deleted. The tracker's
 * webhook finds links by (tracker, key); docs/decisions/042-issue-tracker-links.md.
 */
export const issueLinks = pgTable(
  'issue_links',
  {
    id: id(),
    subjectType: issueLinkSubjectEnum('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    tracker: issueTrackerEnum('tracker').notNull(),
    key: text('key').notNull(),
    url: text('url').notNull(),
    state: issueLinkStateEnum('state').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('issue_links_subject_url').on(t.subjectType, t.subjectId, t.url),
    index('issue_links_tracker_key').on(t.tracker, t.key),
  ],
)

export type IssueLinkRow = typeof issueLinks.$inferSelect
