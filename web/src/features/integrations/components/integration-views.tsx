import type { Delivery, IntegrationStatus, Team } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { PagedList } from '../../../components/paged-list'
import { TableScroll } from '../../../components/table-scroll'
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

/** Each team and the Slack channel its notices go to. */
export function TeamChannels({
  teams,
  channels,
  slackReady,
}: {
  teams: Team[]
  channels: Map<string, string>
  slackReady: boolean
}) {
  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">Team channels</h2>
      <p className="hint">
        The channel id is at the bottom of the channel’s details in Slack (C… or G…), not its #name. Invite the app to the
        channel, then send a test message.
      </p>
      <TableScroll label="Team channels">
        <table>
          <caption className="visually-hidden">Team channels</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Slack channel</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <TeamChannelRow key={team.id} team={team} channelId={channels.get(team.id)} slackReady={slackReady} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  )
}

function TeamChannelRow({ team, channelId, slackReady }: { team: Team; channelId: string | undefined; slackReady: boolean }) {
  const [value, setValue] = useState(channelId ?? '')
  const save = useSetChannel(team.id)
  const test = useSendTest(team.id)
  const inputId = `channel-${team.id}`
  const fieldError = save.error instanceof ApiError ? save.error.fieldErrors.channelId : undefined

  function submit(event: FormEvent) {
    event.preventDefault()
    test.reset()
    save.mutate(value.trim() || null)
  }

  return (
    <tr>
      <td>{team.name}</td>
      <td>
        <form className="inline-form" onSubmit={submit} aria-label={`Slack channel of ${team.name}`}>
          <label htmlFor={inputId} className="visually-hidden">
            Slack channel id for {team.name}
          </label>
          <input
            id={inputId}
            value={value}
            placeholder="C0123ABCD"
            maxLength={32}
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => setValue(e.target.value.toUpperCase())}
          />
          <button type="submit" className="button-secondary" disabled={save.isPending || value.trim() === (channelId ?? '')}>
            {value.trim() === '' && channelId ? 'Remove' : 'Save'}
          </button>
          {channelId && slackReady && (
            <button type="button" className="button-link" disabled={test.isPending} onClick={() => test.mutate()}>
              Send a test message
            </button>
          )}
        </form>
        {save.error && <ProblemMessage error={save.error} title="Not saved." />}
        {test.error && <ProblemMessage error={test.error} title="The test message did not go out." />}
        {test.isSuccess && <p className="hint">Sent: look in the channel.</p>}
      </td>
    </tr>
  )
}

const statusTone: Record<Delivery['status'], string> = { sent: 'good', skipped: 'neutral', failed: 'danger' }
const kindLabels: Record<string, string> = { 'decision-notice': 'Decision notice', test: 'Test message' }

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
