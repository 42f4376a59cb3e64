import type { WebhookEndpoint } from '@misalign/shared'
import { useState } from 'react'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { formatDay } from '../../../lib/labels'
import { useDeleteEndpoint, useSendWebhookTest, useUpdateEndpoint } from '../api/webhooks'
import { DeliveryLog } from './delivery-log'

/** One endpoint: where it points, what it hears, whether it works, and its delivery log on demand. */
export function EndpointCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [showLog, setShowLog] = useState(false)
  const [confirmingRemove, setConfirmingRemove] = useState(false)
  const update = useUpdateEndpoint(endpoint)
  const test = useSendWebhookTest(endpoint.id)
  const remove = useDeleteEndpoint(endpoint.id)
  const headingId = `endpoint-${endpoint.id}`
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <code className="breakable">{endpoint.url}</code>
      </h3>
      <p>
        {endpoint.enabled ? <Badge tone="good">On</Badge> : <Badge tone="warn">Off</Badge>}{' '}
        {endpoint.failingSince && endpoint.enabled && (
          <Badge tone="danger">Failing since {formatDay(endpoint.failingSince)}</Badge>
        )}{' '}
        {endpoint.description}
      </p>
      {!endpoint.enabled && endpoint.disabledReason && <Notice tone="warning">{endpoint.disabledReason}</Notice>}
      <p className="hint">
        Hears of{' '}
        {endpoint.eventTypes.map((type, i) => (
          <span key={type}>
            {i > 0 && ', '}
            <code>{type}</code>
          </span>
        ))}
      </p>
      <ProblemMessage error={update.error ?? test.error ?? remove.error} title="That did not work." />
      {test.isSuccess && <p className="hint">Test sent: its result shows in the deliveries below.</p>}
      <div className="inline-actions">
        <button type="button" className="button-link" aria-expanded={showLog} onClick={() => setShowLog(!showLog)}>
          {showLog ? 'Hide deliveries' : 'Deliveries'}
        </button>
        {endpoint.enabled && (
          <button
            type="button"
            className="button-link"
            disabled={test.isPending}
            onClick={() => test.mutate(undefined, { onSuccess: () => setShowLog(true) })}
          >
            Send a test
          </button>
        )}
        <button
          type="button"
          className="button-link"
          disabled={update.isPending}
          onClick={() => update.mutate({ enabled: !endpoint.enabled })}
        >
          {endpoint.enabled ? 'Turn off' : 'Turn on'}
        </button>
        {confirmingRemove ? (
          <>
            <button
              type="button"
              className="button-secondary"
              disabled={remove.isPending}
              onClick={() => remove.mutate(undefined)}
            >
              Remove it and its log
            </button>
            <button type="button" className="button-link" onClick={() => setConfirmingRemove(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button-link" onClick={() => setConfirmingRemove(true)}>
            Remove
          </button>
        )}
      </div>
      {showLog && <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} />}
    </article>
  )
}
