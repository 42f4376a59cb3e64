import { type CreatedWebhookEndpoint, webhookEventTypes } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { ApiError } from '../../../lib/api'
import { useCreateEndpoint } from '../api/webhooks'

/** Registers an endpoint, then shows its signing secret the one time the API gives it. */
export function EndpointForm() {
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [types, setTypes] = useState<string[]>(['incident.filed'])
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null)
  const create = useCreateEndpoint()
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {}
  const toggle = (type: string, on: boolean) => setTypes((now) => (on ? [...now, type] : now.filter((t) => t !== type)))

  function submit(event: FormEvent) {
    event.preventDefault()
    create.mutate(
      { url: url.trim(), description: description.trim(), eventTypes: types as CreatedWebhookEndpoint['eventTypes'] },
      {
        onSuccess: (endpoint) => {
          setCreated(endpoint)
          setUrl('')
          setDescription('')
        },
      },
    )
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="endpoint-form-heading" noValidate>
      <h2 id="endpoint-form-heading">Add an endpoint</h2>
      {created && <SecretOnce endpoint={created} onDone={() => setCreated(null)} />}
      <ProblemMessage error={create.error} title="Not added." />
      <Field
        id="webhook-url"
        label="URL"
        hint="Where each event is POSTed as signed JSON. Public addresses only, unless the server allows private ones."
        error={fieldErrors.url}
      >
        {(c) => (
          <input
            {...c}
            type="url"
            value={url}
            placeholder="https://hooks.example.com/misalignment"
            maxLength={2000}
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <Field id="webhook-description" label="What it feeds" optional>
        {(c) => (
          <input
            {...c}
            value={description}
            placeholder="Data warehouse"
            maxLength={500}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="checks">
        <legend>Events</legend>
        <div className="check-grid">
          {webhookEventTypes.map((type) => (
            <label key={type} className="check">
              <input type="checkbox" checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
              <span>
                <code>{type}</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button-primary" disabled={!url.trim() || types.length === 0 || create.isPending}>
        Add endpoint
      </button>
    </form>
  )
}

function SecretOnce({ endpoint, onDone }: { endpoint: CreatedWebhookEndpoint; onDone: () => void }) {
  const [copied, setCopied] = useState(false)
  return (
    <Notice tone="success">
      <p>
        Added <code className="breakable">{endpoint.url}</code>. Copy its signing secret now: it is not shown again. The receiver
        verifies each delivery’s <code>webhook-signature</code> with it (any Standard Webhooks library does).
      </p>
      <p>
        <code className="breakable" data-testid="webhook-secret">
          {endpoint.secret}
        </code>
      </p>
      <div className="inline-actions">
        <button
          type="button"
          className="button-link"
          onClick={() => navigator.clipboard?.writeText(endpoint.secret).then(() => setCopied(true))}
        >
          {copied ? 'Copied' : 'Copy the secret'}
        </button>
        <button type="button" className="button-link" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </Notice>
  )
}
