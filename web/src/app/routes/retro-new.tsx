import { type FormEvent, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ProblemMessage } from '../../components/feedback'
import { Field } from '../../components/field'
import { PageHeader, usePageTitle } from '../../components/page'
import { useClusterTitle, useCreateRetro } from '../../features/retros/api/retros'

export default function NewRetroRoute() {
  usePageTitle('Open a retro')
  const [params] = useSearchParams()
  const clusterId = params.get('clusterId') ?? ''
  const cluster = useClusterTitle(clusterId)
  if (!clusterId) {
    return (
      <>
        <PageHeader title="Open a retro" />
        <p>
          A retro reviews one cluster of related incidents. Pick the cluster first: <Link to="/clusters">clusters</Link>.
        </p>
      </>
    )
  }
  // The form mounts once the cluster's title is known (or could not be), so the title is prefilled.
  if (cluster.isPending) return <PageHeader title="Open a retro" intro="Loading the cluster…" />
  return <NewRetroForm clusterId={clusterId} clusterTitle={cluster.data?.title ?? ''} />
}

function NewRetroForm({ clusterId, clusterTitle }: { clusterId: string; clusterTitle: string }) {
  const create = useCreateRetro()
  const navigate = useNavigate()
  const [title, setTitle] = useState(clusterTitle ? `Retro: ${clusterTitle.replace(/^Recurring:\s*/, '')}` : '')
  const [heldOn, setHeldOn] = useState('')
  const [error, setError] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) return setError('Give the retro a title.')
    setError(null)
    create.mutate(
      { clusterId, title: title.trim(), ...(heldOn ? { heldAt: `${heldOn}T00:00:00.000Z` } : {}) },
      { onSuccess: (retro) => navigate(`/retros/${retro.id}`) },
    )
  }

  return (
    <>
      <p>
        <Link to={`/clusters/${clusterId}`}>← Back to the cluster</Link>
      </p>
      <PageHeader title="Open a retro" intro={clusterTitle ? `On the cluster “${clusterTitle}”.` : undefined} />
      <form className="card" onSubmit={submit} aria-label="Open a retro" noValidate>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ProblemMessage error={create.error} title="The retro was not opened." />
        <Field id="retro-title" label="Title">
          {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field
          id="retro-held-on"
          label="Held on"
          optional
          hint="When the retro takes place; set it later if you do not know yet."
        >
          {(c) => <input {...c} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? 'Opening…' : 'Open the retro'}
          </button>
        </div>
      </form>
    </>
  )
}
