import type { WebhookAttempt, WebhookDelivery } from '@misalign/shared'
import { useState } from 'react'
import { Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { PagedList } from '../../../components/paged-list'
import { TableScroll } from '../../../components/table-scroll'
import { useRedeliver, useWebhookDeliveries, useWebhookDelivery } from '../api/webhooks'

const statusTone: Record<WebhookDelivery['status'], string> = {
  pending: 'accent',
  succeeded: 'good',
  failed: 'danger',
  skipped: 'neutral',
}
const statusLabel: Record<WebhookDelivery['status'], string> = {
  pending: 'Waiting to retry',
  succeeded: 'Delivered',
  failed: 'Failed',
  skipped: 'Skipped (endpoint off)',
}

const when = (at: string) => new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

export function answerOf(attempt: WebhookAttempt | null): string {
  if (!attempt) return 'Not tried yet'
  return `${attempt.statusCode ?? 'No answer'} · ${attempt.latencyMs} ms`
}

/** One endpoint's deliveries, newest first, filterable by outcome; each opens to its tries and body. */
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const [status, setStatus] = useState('')
  const deliveries = useWebhookDeliveries(endpointId, status)
  const [open, setOpen] = useState<string | null>(null)
  const filterId = `delivery-filter-${endpointId}`
  return (
    <PagedList
      query={deliveries}
      noun="deliveries"
      resetKey={`${endpointId}:${status}`}
      toolbar={
        <div className="list-sort">
          <label htmlFor={filterId}>Show</label>
          <select id={filterId} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            <option value="failed">Failed</option>
            <option value="pending">Waiting to retry</option>
            <option value="succeeded">Delivered</option>
            <option value="skipped">Skipped</option>
          </select>
        </div>
      }
      empty={<p>No deliveries yet. They appear as the events this endpoint listens for happen; send a test to see one now.</p>}
    >
      {(items) => (
        <TableScroll label="Deliveries">
          <table>
            <caption className="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Result</th>
                <th scope="col">Last answer</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <DeliveryRow
                  key={d.id}
                  endpointId={endpointId}
                  delivery={d}
                  isOpen={open === d.id}
                  enabled={enabled}
                  onToggle={() => setOpen(open === d.id ? null : d.id)}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </PagedList>
  )
}

interface RowProps {
  endpointId: string
  delivery: WebhookDelivery
  isOpen: boolean
  enabled: boolean
  onToggle: () => void
}

function DeliveryRow({ endpointId, delivery: d, isOpen, enabled, onToggle }: RowProps) {
  return (
    <>
      <tr>
        <td>{when(d.createdAt)}</td>
        <td>
          <code>{d.eventType}</code>
        </td>
        <td>
          <Badge tone={statusTone[d.status]}>{statusLabel[d.status]}</Badge>
          <span className="hint"> {d.attempts === 1 ? '1 try' : `${d.attempts} tries`}</span>
          {d.lastAttempt?.error && <p className="hint">{d.lastAttempt.error}</p>}
        </td>
        <td>{answerOf(d.lastAttempt)}</td>
        <td>
          <button type="button" className="button-link" aria-expanded={isOpen} onClick={onToggle}>
            {isOpen ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {isOpen && (
        <tr>
          <td colSpan={5}>
            <DeliveryDetail endpointId={endpointId} deliveryId={d.id} enabled={enabled} />
          </td>
        </tr>
      )}
    </>
  )
}

function DeliveryDetail({ endpointId, deliveryId, enabled }: { endpointId: string; deliveryId: string; enabled: boolean }) {
  const detail = useWebhookDelivery(endpointId, deliveryId)
  const redeliver = useRedeliver(endpointId)
  if (detail.isPending) return <Loading label="Loading the delivery" />
  if (!detail.data) return <ProblemMessage error={detail.error} title="The delivery could not be loaded." />
  return (
    <div className="delivery-detail">
      <ol className="attempt-list">
        {detail.data.attemptLog.map((a) => (
          <li key={a.at}>
            {when(a.at)}: {answerOf(a)}
            {a.manual ? ' (asked for by an admin)' : ''}
            {a.error && <span className="hint"> · {a.error}</span>}
            {a.responseExcerpt && <pre className="response-excerpt">{a.responseExcerpt}</pre>}
          </li>
        ))}
      </ol>
      <details>
        <summary>Body sent (webhook-id {detail.data.eventId})</summary>
        <pre className="response-excerpt">{JSON.stringify(detail.data.payload, null, 2)}</pre>
      </details>
      <ProblemMessage error={redeliver.error} title="Not sent again." />
      {enabled && (
        <button
          type="button"
          className="button-secondary"
          disabled={redeliver.isPending}
          onClick={() => redeliver.mutate(deliveryId)}
        >
          Redeliver now
        </button>
      )}
      {redeliver.isSuccess && <p className="hint">Sent again: the result shows here in a moment.</p>}
    </div>
  )
}
