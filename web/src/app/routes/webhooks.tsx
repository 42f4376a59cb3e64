import { isDisabledForFailures } from '@misalign/shared'
import { Notice } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { PagedList } from '../../components/paged-list'
import { useEndpoints } from '../../features/webhooks/api/webhooks'
import { EndpointCard } from '../../features/webhooks/components/endpoint-card'
import { EndpointForm } from '../../features/webhooks/components/endpoint-form'

export default function WebhooksRoute() {
  usePageTitle('Webhooks')
  const endpoints = useEndpoints()
  const turnedOff = (endpoints.data?.pages ?? [])
    .flatMap((p) => p.items)
    .filter((e) => !e.enabled && isDisabledForFailures(e.disabledReason))
  return (
    <>
      <PageHeader
        title="Webhooks"
        intro="Your own systems hear of what the tracker records: each event is POSTed as JSON, signed per Standard Webhooks, retried for about 34 hours. Restricted reports and who filed anonymously are never sent."
      />
      {turnedOff.length > 0 && (
        <Notice tone="warning">
          {turnedOff.length === 1 ? 'An endpoint was' : `${turnedOff.length} endpoints were`} turned off after failing for 24
          hours. Fix the receiver, turn it back on, then redeliver its failed and skipped deliveries; events that happen while it
          is off are not kept for it.
        </Notice>
      )}
      <div className="sections">
        <EndpointForm />
        <section aria-labelledby="endpoints-heading">
          <h2 id="endpoints-heading">Endpoints</h2>
          <PagedList
            query={endpoints}
            noun="endpoints"
            resetKey="endpoints"
            empty={<p>No endpoints yet. Add one above to send events to a data warehouse, a chat bot or an issue tracker.</p>}
          >
            {(items) => (
              <div className="sections">
                {items.map((endpoint) => (
                  <EndpointCard key={endpoint.id} endpoint={endpoint} />
                ))}
              </div>
            )}
          </PagedList>
        </section>
      </div>
    </>
  )
}
