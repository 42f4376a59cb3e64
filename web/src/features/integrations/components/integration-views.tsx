import type { Delivery, IntegrationStatus, Team, TeamChannel } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { EmptyState, Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { PagedList } from '../../../components/paged-list'
import { TableScroll } from '../../../components/table-scroll'
import { TeamSelect } from '../../../components/team-select'
import { ApiError } from '../../../lib/api'
import { formatDay } from '../../../lib/labels'
import { useDeliveries, useSendTest, useSetChannel } from '../api/integrations'

/** Whether Slack is set up: each secret set or missing (never shown), and the URLs to give Slack. */
export function SlackStatus({ slack }: { slack: IntegrationStatus['slack'] }) {
  return (
    <section className="card" aria-labelledby="slack-heading">
      <h2 id="slack-heading">Slack</h2>
      {slack.configured ? (
        <p>
          Slack is set up: people file with <code>/misalignment</code>, and a team with a channel below hears when reports name
          one of its decisions (once a day per decision, naming nobody).
        </p>
      ) : (
        <Notice tone="warning">
          Slack is not set up. Set <code>SLACK_SIGNING_SECRET</code>, <code>SLACK_BOT_TOKEN</code> and <code>APP_URL</code>, then
          restart; <code>docs/slack-app.md</code> walks through creating the Slack app. Until then teams see their decisions’
          reports here only.
        </Notice>
      )}
      <dl className="facts">
        <dt>Signing secret</dt>
        <dd>
          <SecretBadge state={slack.signingSecret} />
        </dd>
        <dt>Bot token</dt>
        <dd>
          <SecretBadge state={slack.botToken} />
        </dd>
        {slack.commandUrl && (
          <>
            <dt>Slash command URL</dt>
            <dd>
              <code className="breakable">{slack.commandUrl}</code>
            </dd>
          </>
        )}
        {slack.interactionsUrl && (
          <>
            <dt>Interactivity and options URL</dt>
            <dd>
              <code className="breakable">{slack.interactionsUrl}</code>
            </dd>
          </>
        )}
      </dl>
    </section>
  )
}

const SecretBadge = ({ state }: { state: 'set' | 'missing' }) =>
  state === 'set' ? <Badge tone="good">Set</Badge> : <Badge tone="warn">Missing</Badge>

/**
 * Where each team's notices go: one form to point a team at a channel, and the teams that have
 * one, each with a test message and a way to stop. Most teams have none, so only those are listed.
 */
export function TeamChannels({ teams, channels, slackReady }: { teams: Team[]; channels: TeamChannel[]; slackReady: boolean }) {
  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">Team channels</h2>
      <ChannelForm teams={teams} channels={channels} />
      {channels.length === 0 ? (
        <EmptyState>
          <p>No team has a channel yet: teams see their decisions’ reports in the tracker only.</p>
        </EmptyState>
      ) : (
        <TableScroll label="Team channels">
          <table>
            <caption className="visually-hidden">Teams with a Slack channel</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Slack channel</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <ChannelRow key={c.teamId} channel={c} slackReady={slackReady} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}

function ChannelForm({ teams, channels }: { teams: Team[]; channels: TeamChannel[] }) {
  const [teamId, setTeamId] = useState('')
  const [channelId, setChannelId] = useState('')
  const save = useSetChannel(teamId)
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {}

  function pickTeam(id: string) {
    setTeamId(id)
    setChannelId(channels.find((c) => c.teamId === id)?.channelId ?? '')
    save.reset()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    save.mutate(channelId.trim(), { onSuccess: () => pickTeam('') })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="channel-form-heading" noValidate>
      <h3 id="channel-form-heading">Send a team’s notices to a channel</h3>
      <ProblemMessage error={save.error} title="Not saved." />
      <div className="row">
        <Field id="channel-team" label="Team">
          {(c) => <TeamSelect {...c} teams={teams} value={teamId} onChange={pickTeam} />}
        </Field>
        <Field
          id="channel-id"
          label="Slack channel id"
          hint="At the bottom of the channel’s details in Slack (C… or G…), not its #name. Invite the app there too."
          error={fieldErrors.channelId}
        >
          {(c) => (
            <input
              {...c}
              value={channelId}
              placeholder="C0123ABCD"
              maxLength={32}
              onChange={(e) => setChannelId(e.target.value.toUpperCase())}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="button-primary" disabled={!teamId || !channelId.trim() || save.isPending}>
        Save
      </button>
    </form>
  )
}

function ChannelRow({ channel, slackReady }: { channel: TeamChannel; slackReady: boolean }) {
  const remove = useSetChannel(channel.teamId)
  const test = useSendTest(channel.teamId)
  return (
    <tr>
      <td>{channel.teamName}</td>
      <td>
        <code>{channel.channelId}</code>
        <ProblemMessage error={test.error ?? remove.error} title="That did not work." />
        {test.isSuccess && <p className="hint">Sent: look in the channel.</p>}
      </td>
      <td>
        <div className="inline-actions">
          {slackReady && (
            <button type="button" className="button-link" disabled={test.isPending} onClick={() => test.mutate()}>
              Send a test message to {channel.teamName}
            </button>
          )}
          <button type="button" className="button-link" disabled={remove.isPending} onClick={() => remove.mutate(null)}>
            Stop {channel.teamName}’s notices
          </button>
        </div>
      </td>
    </tr>
  )
}

const statusTone: Record<Delivery['status'], string> = { sent: 'good', skipped: 'neutral', failed: 'danger' }
const kindLabels: Record<string, string> = {
  'decision-notice': 'Decision notice',
  'tradeoff-request': 'Tradeoff asked for',
  test: 'Test message',
}

/** Everything the integrations sent, skipped or failed to send, newest first. */
export function DeliveryLog() {
  const deliveries = useDeliveries()
  return (
    <section aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">What was sent</h2>
      <PagedList
        query={deliveries}
        noun="messages"
        resetKey="deliveries"
        empty={<p>Nothing sent yet. Messages appear here as reports name decisions of teams with a channel.</p>}
      >
        {(items) => (
          <TableScroll label="Messages sent">
            <table>
              <caption className="visually-hidden">Messages sent, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Where</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id}>
                    <td>{formatDay(d.at)}</td>
                    <td>{kindLabels[d.kind] ?? d.kind}</td>
                    <td>
                      <code className="breakable">{d.target}</code>
                    </td>
                    <td>
                      <Badge tone={statusTone[d.status]}>{d.status}</Badge>
                      {d.detail && <p className="hint">{d.detail}</p>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </PagedList>
    </section>
  )
}
