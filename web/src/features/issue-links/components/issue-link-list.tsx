import { type IssueLink, issueLinkLabel, issueLinkOf } from '@misalign/shared'
import { useId, useState } from 'react'
import { ProblemMessage } from '../../../components/feedback'
import { type LinkSubject, useAddIssueLink, useIssueLinks, useRemoveIssueLink } from '../api/issue-links'
import './issue-links.css'

/**
 * An action's or an incident's links to Jira, Linear and GitHub issues as chips that open the
 * issue, with "Add link" and remove for those who may edit (the API decides; ADR 042).
 */
export function IssueLinkList({ subject, mayEdit, label }: { subject: LinkSubject; mayEdit: boolean; label: string }) {
  const links = useIssueLinks(subject)
  const remove = useRemoveIssueLink(subject)
  const [isAdding, setAdding] = useState(false)
  const items = links.data?.items ?? []
  if (links.error) return <ProblemMessage error={links.error} />
  if (items.length === 0 && !mayEdit) return null
  return (
    <div className="issue-links">
      {items.length > 0 && (
        <ul className="chip-row" aria-label={`Issues linked to ${label}`}>
          {items.map((link) => (
            <li key={link.id} className="issue-link">
              <IssueChip link={link} />
              {mayEdit && (
                <button
                  type="button"
                  className="issue-link-remove"
                  aria-label={`Remove the link to ${issueLinkLabel(link)}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(link.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ProblemMessage error={remove.error} />
      {mayEdit &&
        (isAdding ? (
          <AddIssueLink subject={subject} label={label} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button-link issue-link-add" onClick={() => setAdding(true)}>
            Add link<span className="visually-hidden"> to {label}</span>
          </button>
        ))}
    </div>
  )
}

function IssueChip({ link }: { link: IssueLink }) {
  const closed = link.state === 'closed'
  return (
    <a
      className={`chip issue-link-chip${closed ? ' issue-link-closed' : ''}`}
      href={link.url}
      target="_blank"
      rel="noopener noreferrer"
      title={closed ? 'Closed in the tracker' : 'Open in the tracker'}
    >
      <span className={`issue-link-tracker issue-link-${link.tracker}`}>{issueLinkLabel(link).split(' ')[0]}</span>
      {link.key}
      {closed && <span className="visually-hidden"> (closed)</span>}
    </a>
  )
}

/** Paste a URL; the tracker and key show as you type, from the same recognizer the API uses. */
function AddIssueLink({ subject, label, onDone }: { subject: LinkSubject; label: string; onDone: () => void }) {
  const id = useId()
  const add = useAddIssueLink(subject)
  const [url, setUrl] = useState('')
  const recognized = url.trim() ? issueLinkOf(url) : undefined
  return (
    <form
      className="issue-link-form"
      aria-label={`Add an issue link to ${label}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (!recognized?.ok) return
        add.mutate(url.trim(), {
          onSuccess: () => {
            setUrl('')
            onDone()
          },
        })
      }}
    >
      <label htmlFor={id}>Issue URL</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://…/browse/ABC-123"
        value={url}
        aria-describedby={`${id}-recognized`}
        onChange={(e) => setUrl(e.target.value)}
      />
      <p id={`${id}-recognized`} className="meta" aria-live="polite">
        {recognized === undefined
          ? 'A Jira, Linear or GitHub issue or pull request.'
          : recognized.ok
            ? `Recognized: ${issueLinkLabel(recognized.link)}`
            : recognized.reason}
      </p>
      <div className="issue-link-actions">
        <button type="submit" disabled={!recognized?.ok || add.isPending}>
          Add
        </button>
        <button type="button" className="button-link" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ProblemMessage error={add.error} />
    </form>
  )
}
