import type { ClusterDetail, Incident } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { ProblemMessage } from '../../../components/feedback'
import { api } from '../../../lib/api'
import { formatDay } from '../../../lib/labels'
import { useAddMember, useClusters, useMergeCluster, useRevertEdit, useUpdateCluster } from '../api/clusters'

/** Confirm, dismiss or restore, and rename: each a logged edit that the engine will not undo. */
export function ClusterStatusTools({ cluster }: { cluster: ClusterDetail }) {
  const update = useUpdateCluster(cluster.id)
  const [title, setTitle] = useState(cluster.title)
  const setStatus = (status: ClusterDetail['status']) => update.mutate({ version: cluster.version, changes: { status } })
  const rename = (event: FormEvent) => {
    event.preventDefault()
    if (title.trim() && title.trim() !== cluster.title)
      update.mutate({ version: cluster.version, changes: { title: title.trim() } })
  }
  return (
    <section className="card" aria-labelledby="cluster-edit">
      <h2 id="cluster-edit">Edit the cluster</h2>
      {update.error && <ProblemMessage error={update.error} title="The change was not saved." />}
      <div className="cluster-tools-row">
        {cluster.status !== 'confirmed' && (
          <button type="button" className="button-primary" disabled={update.isPending} onClick={() => setStatus('confirmed')}>
            Confirm cluster
          </button>
        )}
        {cluster.status !== 'dismissed' && (
          <button type="button" className="button-secondary" disabled={update.isPending} onClick={() => setStatus('dismissed')}>
            Dismiss
          </button>
        )}
        {cluster.status !== 'suggested' && (
          <button type="button" className="button-secondary" disabled={update.isPending} onClick={() => setStatus('suggested')}>
            Make it a suggestion again
          </button>
        )}
      </div>
      <form onSubmit={rename} className="cluster-inline-form">
        <div className="field">
          <label htmlFor="cluster-title">Title</label>
          <input id="cluster-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <button type="submit" className="button-secondary" disabled={update.isPending}>
          Rename
        </button>
      </form>
      <AddMember clusterId={cluster.id} />
      <MergeInto cluster={cluster} />
    </section>
  )
}

function AddMember({ clusterId }: { clusterId: string }) {
  const add = useAddMember(clusterId)
  const [key, setKey] = useState('')
  const [lookupError, setLookupError] = useState<unknown>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setLookupError(null)
    try {
      // A MIS key or id; an incident you may not see is "not found" like any other.
      const incident = await api.get<Incident>(`/incidents/${encodeURIComponent(key.trim().toUpperCase())}`)
      add.mutate(incident.id, { onSuccess: () => setKey('') })
    } catch (error) {
      setLookupError(error)
    }
  }
  return (
    <form onSubmit={submit} className="cluster-inline-form">
      <div className="field">
        <label htmlFor="cluster-add">Add an incident (MIS number)</label>
        <input id="cluster-add" value={key} placeholder="MIS-123" onChange={(e) => setKey(e.target.value)} />
      </div>
      <button type="submit" className="button-secondary" disabled={!key.trim() || add.isPending}>
        Add
      </button>
      {(lookupError || add.error) && <ProblemMessage error={lookupError ?? add.error} title="The incident was not added." />}
    </form>
  )
}

function MergeInto({ cluster }: { cluster: ClusterDetail }) {
  const merge = useMergeCluster(cluster.id)
  const confirmed = useClusters('confirmed')
  const suggested = useClusters('suggested')
  const others = [...(confirmed.data?.items ?? []), ...(suggested.data?.items ?? [])].filter((c) => c.id !== cluster.id)
  const [into, setInto] = useState('')
  return (
    <form
      className="cluster-inline-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (into) merge.mutate(into)
      }}
    >
      <div className="field">
        <label htmlFor="cluster-merge">Merge into another cluster</label>
        <select id="cluster-merge" value={into} onChange={(e) => setInto(e.target.value)}>
          <option value="">Choose a cluster…</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title} ({c.size})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-secondary" disabled={!into || merge.isPending}>
        Merge
      </button>
      {merge.error && <ProblemMessage error={merge.error} title="The clusters were not merged." />}
    </form>
  )
}

/** Every manual edit: who, when, what — and a way back. */
export function ClusterEditLog({ cluster, mayEdit }: { cluster: ClusterDetail; mayEdit: boolean }) {
  const revert = useRevertEdit(cluster.id)
  return (
    <section className="card" aria-labelledby="cluster-log">
      <h2 id="cluster-log">Edit log</h2>
      {revert.error && <ProblemMessage error={revert.error} title="The edit was not reverted." />}
      {cluster.edits.length === 0 ? (
        <p className="hint">Nobody has edited this cluster yet: it is as the engine suggested it.</p>
      ) : (
        <ol className="cluster-edit-log">
          {cluster.edits.map((e) => (
            <li key={e.id} className={e.revertedAt ? 'is-reverted' : undefined}>
              <span>
                {e.summary} — {e.actorName ?? 'someone'}, {formatDay(e.createdAt)}
                {e.revertedAt && ` (reverted ${formatDay(e.revertedAt)})`}
              </span>
              {mayEdit && e.isRevertible && (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={revert.isPending}
                  aria-label={`Revert: ${e.summary}`}
                  onClick={() => revert.mutate(e.id)}
                >
                  Revert
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
