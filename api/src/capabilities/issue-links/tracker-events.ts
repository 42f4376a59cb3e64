import { githubIssueKey, trackerIssueKey } from '@misalign/shared'
import type { IssueChange } from './service'

/** What a verified delivery means here: an issue closed or reopened, or nothing we act on (and why). */
export type TrackerEvent = IssueChange | { ignored: string; key: string | null }

type Json = Record<string, unknown>
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
const str = (value: unknown) => (typeof value === 'string' ? value : undefined)

/**
 * GitHub: `issues` closed or reopened; a `pull_request` closed counts only when merged (a pull
 * request closed unmerged did not do the work). https://docs.github.com/webhooks/webhook-events-and-payloads
 */
export function githubEvent(eventName: string | undefined, body: unknown): TrackerEvent {
  const payload = obj(body)
  const action = str(payload.action)
  const fullName = str(obj(payload.repository).full_name)
  const item = eventName === 'issues' ? obj(payload.issue) : eventName === 'pull_request' ? obj(payload.pull_request) : undefined
  if (!item) return { ignored: `GitHub event "${eventName ?? 'none'}" is not about issues or pull requests`, key: null }
  const number = item.number
  if (!fullName || typeof number !== 'number') return { ignored: 'The payload names no repository and number', key: null }
  const key = githubIssueKey(fullName, number)
  if (action === 'reopened') return { tracker: 'github', key, change: 'reopened' }
  if (action === 'closed' && (eventName === 'issues' || item.merged === true)) return { tracker: 'github', key, change: 'closed' }
  return { ignored: `GitHub ${eventName} "${action ?? 'none'}" neither closes nor reopens`, key }
}

/** Linear's workflow state types that end an issue: done or cancelled. */
const linearClosedStates = new Set(['completed', 'canceled'])

/** Linear: an `Issue` create or update carries its state; its type says whether the issue is closed. */
export function linearEvent(body: unknown): TrackerEvent {
  const payload = obj(body)
  const data = obj(payload.data)
  const identifier = str(data.identifier)
  if (payload.type !== 'Issue' || !identifier)
    return { ignored: `Linear ${str(payload.type) ?? 'event'} is not about an issue`, key: null }
  const key = trackerIssueKey(identifier)
  const stateType = str(obj(data.state).type)
  if (payload.action !== 'update' || !stateType)
    return { ignored: `Linear Issue "${str(payload.action) ?? 'none'}" is not a state change`, key }
  return { tracker: 'linear', key, change: linearClosedStates.has(stateType) ? 'closed' : 'reopened' }
}

/** Jira: `jira:issue_updated`; the status category `done` is closed whatever the workflow calls its status. */
export function jiraEvent(body: unknown): TrackerEvent {
  const payload = obj(body)
  const issue = obj(payload.issue)
  const issueKey = str(issue.key)
  if (payload.webhookEvent !== 'jira:issue_updated' || !issueKey) {
    return { ignored: `Jira ${str(payload.webhookEvent) ?? 'event'} is not an issue update`, key: issueKey ?? null }
  }
  const key = trackerIssueKey(issueKey)
  const category = str(obj(obj(obj(issue.fields).status).statusCategory).key)
  if (!category) return { ignored: 'The payload carries no status category', key }
  return { tracker: 'jira', key, change: category === 'done' ? 'closed' : 'reopened' }
}
