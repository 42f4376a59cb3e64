import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Combobox } from '../../../components/combobox'
import { ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { formatDay } from '../../../lib/labels'
import { activeTeams, useTeamName, useTeams } from '../../../lib/reference-data'
import { activityOptions, useActivity, useAddComment } from '../api/activity'

const timeOf = (at: string) => {
  // An anonymous entry keeps the day only: it shows no time of day.
  const time = at.slice(11, 16)
  return at.endsWith('T00:00:00.000Z') ? '' : ` · ${time} UTC`
}

/** Every change and comment on the incident, newest first, in plain words; and a comment box. */
export function ActivityFeed({ incidentId, version }: { incidentId: string; version: number }) {
  const feed = useActivity(incidentId)
  const client = useQueryClient()
  // Every saved change to the incident (sidebar, editor, a linked decision) bumps its version
  // and has an entry in the feed: fetch it again then.
  const shownVersion = useRef(version)
  useEffect(() => {
    if (shownVersion.current === version) return
    shownVersion.current = version
    void client.invalidateQueries({ queryKey: activityOptions(incidentId).queryKey })
  }, [client, incidentId, version])
  const entries = feed.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <section className="card activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <CommentForm incidentId={incidentId} />
      {feed.error && <ProblemMessage error={feed.error} title="Could not load the activity." />}
      {feed.isPending && <p className="hint">Loading the activity…</p>}
      {feed.isSuccess && entries.length === 0 && (
        <p className="hint">No activity recorded yet (reports imported or seeded in bulk carry no history).</p>
      )}
      <ol className="activity-list" aria-label="Activity, newest first">
        {entries.map((entry) => (
          <li key={entry.id} className={`activity-entry activity-${entry.kind}`}>
            <p>
              {entry.summary}
              <span className="meta">
                {formatDay(entry.at)}
                {timeOf(entry.at)}
              </span>
            </p>
            {entry.details.length > 0 && (
              <ul className="activity-details">
                {entry.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
            {entry.comment && <blockquote className="comment-body">{entry.comment.body}</blockquote>}
          </li>
        ))}
      </ol>
      {feed.hasNextPage && (
        <button
          type="button"
          className="button-secondary"
          disabled={feed.isFetchingNextPage}
          onClick={() => void feed.fetchNextPage()}
        >
          {feed.isFetchingNextPage ? 'Loading…' : 'Show older activity'}
        </button>
      )}
    </section>
  )
}

function CommentForm({ incidentId }: { incidentId: string }) {
  const add = useAddComment(incidentId)
  const teams = useTeams()
  const teamName = useTeamName()
  const [body, setBody] = useState('')
  const [mentions, setMentions] = useState<string[]>([])
  const [search, setSearch] = useState('')
  const q = search.trim().toLowerCase()
  const options = activeTeams(teams.data)
    .filter((t) => !mentions.includes(t.id) && q.length > 0 && t.name.toLowerCase().includes(q))
    .slice(0, 8)
    .map((t) => ({ id: t.id, label: t.name }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      await add.mutateAsync({ body, mentionTeamIds: mentions })
      setBody('')
      setMentions([])
    } catch {
      // Shown below.
    }
  }

  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      {add.error && <ProblemMessage error={add.error} title="Comment not posted." />}
      <Field id="comment-body" label="Comment">
        {(c) => <textarea {...c} rows={2} value={body} maxLength={5000} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Combobox
        id="comment-mention"
        label="Mention a team"
        text={search}
        onTextChange={setSearch}
        options={options}
        status={q.length > 0 && options.length === 0 ? 'No team matches' : null}
        onSelect={(option) => {
          setMentions((now) => [...now, option.id])
          setSearch('')
        }}
      />
      {mentions.length > 0 && (
        <ul className="mention-list" aria-label="Teams mentioned">
          {mentions.map((id) => (
            <li key={id}>
              {teamName(id)}{' '}
              <button
                type="button"
                className="button-link"
                aria-label={`Do not mention ${teamName(id)}`}
                onClick={() => setMentions((now) => now.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={add.isPending || body.trim() === ''}>
          {add.isPending ? 'Posting…' : 'Comment'}
        </button>
      </div>
    </form>
  )
}
