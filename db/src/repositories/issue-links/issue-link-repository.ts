import type { IssueLink, IssueLinkState, IssueLinkSubject, IssueTracker, RecognizedIssueLink } from '@misalign/shared'
import { and, asc, eq, ne } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { type IssueLinkRow, issueLinks } from '../../schema/index'
import { type Actor, recordAudit } from '../access/audit-repository'

export function toIssueLink(row: IssueLinkRow): IssueLink {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    tracker: row.tracker,
    key: row.key,
    url: row.url,
    state: row.state,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

export interface IssueLinkSubjectRef {
  type: IssueLinkSubject
  id: string
}

const ofSubject = (subject: IssueLinkSubjectRef) =>
  and(eq(issueLinks.subjectType, subject.type), eq(issueLinks.subjectId, subject.id))

/** Links from actions and incidents to tracker issues; who may touch them is the services' business. */
export function issueLinkRepository(db: Db | Tx) {
  return {
    async listFor(subject: IssueLinkSubjectRef): Promise<IssueLink[]> {
      const rows = await db
        .select()
        .from(issueLinks)
        .where(ofSubject(subject))
        .orderBy(asc(issueLinks.createdAt), asc(issueLinks.id))
      return rows.map(toIssueLink)
    },

    /** Undefined when the subject already links this URL: the unique index decides, so two clicks add one link. */
    async add(subject: IssueLinkSubjectRef, link: RecognizedIssueLink, actor: Actor): Promise<IssueLink | undefined> {
      const [row] = await db
        .insert(issueLinks)
        .values({ subjectType: subject.type, subjectId: subject.id, ...link, createdById: actor.id })
        .onConflictDoNothing()
        .returning()
      if (!row) return undefined
      const created = toIssueLink(row)
      await recordAudit(db as Tx, {
        actor,
        action: 'link',
        entityType: subject.type,
        entityId: subject.id,
        changes: { issueLink: { after: { tracker: created.tracker, key: created.key, url: created.url } } },
      })
      return created
    },

    async remove(subject: IssueLinkSubjectRef, linkId: string, actor: Actor): Promise<IssueLink | undefined> {
      const [row] = await db
        .delete(issueLinks)
        .where(and(ofSubject(subject), eq(issueLinks.id, linkId)))
        .returning()
      if (!row) return undefined
      const removed = toIssueLink(row)
      await recordAudit(db as Tx, {
        actor,
        action: 'unlink',
        entityType: subject.type,
        entityId: subject.id,
        changes: { issueLink: { before: { tracker: removed.tracker, key: removed.key, url: removed.url } } },
      })
      return removed
    },

    /** Every link to this issue, whatever hangs on it: what a tracker's webhook is about. */
    async listByIssue(tracker: IssueTracker, key: string): Promise<IssueLink[]> {
      const rows = await db
        .select()
        .from(issueLinks)
        .where(and(eq(issueLinks.tracker, tracker), eq(issueLinks.key, key)))
      return rows.map(toIssueLink)
    },

    /**
     * Moves the issue's links to `state` and returns only those that moved, each audited: a
     * tracker retrying the same delivery finds nothing left to change.
     */
    async setStateByIssue(
      tracker: IssueTracker,
      key: string,
      state: IssueLinkState,
      at: Date,
      actor: Actor,
    ): Promise<IssueLink[]> {
      const rows = await db
        .update(issueLinks)
        .set({ state, closedAt: state === 'closed' ? at : null, updatedAt: at })
        .where(and(eq(issueLinks.tracker, tracker), eq(issueLinks.key, key), ne(issueLinks.state, state)))
        .returning()
      for (const row of rows) {
        await recordAudit(db as Tx, {
          actor,
          action: state === 'closed' ? 'issue_closed' : 'issue_reopened',
          entityType: row.subjectType,
          entityId: row.subjectId,
          changes: {
            issueLink: {
              before: { key: row.key, state: state === 'closed' ? 'open' : 'closed' },
              after: { key: row.key, state },
            },
          },
        })
      }
      return rows.map(toIssueLink)
    },
  }
}

export type IssueLinkRepository = ReturnType<typeof issueLinkRepository>
