import { type Static, Type } from 'typebox'
import { issueLinkStates, issueLinkSubjects, issueTrackers } from '../domain/issue-links'
import { DateTime, Nullable, Text, Uuid } from './common'
import { IncidentKeyParams } from './incidents'

export const IssueLink = Type.Object({
  id: Uuid,
  subjectType: Type.Enum(issueLinkSubjects, { description: 'What the link hangs on' }),
  subjectId: Uuid,
  tracker: Type.Enum(issueTrackers, { description: 'Recognized from the URL' }),
  key: Type.String({ description: "The tracker's name for the issue: ABC-123, ENG-123, owner/repo#12" }),
  url: Type.String({ description: "The issue's address in its canonical form" }),
  state: Type.Enum(issueLinkStates, { description: 'As the tracker last told us through its webhook' }),
  closedAt: Nullable(DateTime),
  createdAt: DateTime,
})
export type IssueLink = Static<typeof IssueLink>

export const IssueLinks = Type.Object({ items: Type.Array(IssueLink) })
export type IssueLinks = Static<typeof IssueLinks>

export const NewIssueLink = Type.Object(
  {
    url: Text(4000, {
      minLength: 1,
      description: 'A Jira, Linear or GitHub issue (or pull request) address; the tracker and key are read from it',
    }),
  },
  { additionalProperties: false },
)
export type NewIssueLink = Static<typeof NewIssueLink>

export const ActionLinkParams = Type.Object({ id: Uuid, linkId: Uuid }, { additionalProperties: false })
export type ActionLinkParams = Static<typeof ActionLinkParams>

export const IncidentLinkParams = Type.Object(
  { id: IncidentKeyParams.properties.id, linkId: Uuid },
  { additionalProperties: false },
)
export type IncidentLinkParams = Static<typeof IncidentLinkParams>

/** What a tracker's webhook did here; trackers only look at the status, people reading their logs at this. */
export const IssueWebhookOutcome = Type.Object({
  outcome: Type.Enum(['closed', 'reopened', 'unchanged', 'no link', 'ignored'] as const, {
    description: '"no link": no action or incident links this issue; "ignored": the event is not a close or a reopen',
  }),
  tracker: Type.Enum(issueTrackers),
  key: Nullable(Type.String()),
  links: Type.Integer({ minimum: 0, description: 'Links whose state changed' }),
  actionsDone: Type.Integer({ minimum: 0, description: 'Linked actions marked done by this call' }),
})
export type IssueWebhookOutcome = Static<typeof IssueWebhookOutcome>
