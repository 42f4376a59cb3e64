import { type Incident, type IncidentChanges, incidentStatuses, rootCauses, weightedHarmWords } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { ApiError } from '../../../lib/api'
import { incidentStatusLabels, rootCauseLabels } from '../../../lib/labels'
import { activeTeams, useTeamName, useTeams } from '../../../lib/reference-data'
import { useImpacts, useIncidentClusters } from '../api/impacts'
import { useUpdateIncident } from '../api/incidents'
import { useDecision, useGapList } from '../api/trace'

interface Option {
  value: string
  label: string
}

/**
 * The incident's properties beside its story (Linear / incident.io): each one a select that
 * saves on change against the version on screen, so a stale change answers 412 and is reloaded
 * rather than overwriting someone else's.
 */
export function IncidentSidebar({ incident, mayEdit }: { incident: Incident; mayEdit: boolean }) {
  const update = useUpdateIncident(incident.key)
  const [stale, setStale] = useState(false)
  const teamName = useTeamName()
  const teams = useTeams()
  const gaps = useGapList()
  const decision = useDecision(incident.decisionId)
  const clusters = useIncidentClusters(incident.id)
  const impacts = useImpacts(incident.id)

  async function save(changes: IncidentChanges) {
    setStale(false)
    try {
      await update.mutateAsync({ changes, version: incident.version })
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setStale(true)
    }
  }

  const property = (id: string, label: string, value: string, options: Option[], onChange: (v: string) => void, shown: string) =>
    mayEdit ? (
      <>
        <dt>
          <label htmlFor={id}>{label}</label>
        </dt>
        <dd>
          <select id={id} value={value} disabled={update.isPending} onChange={(e) => void onChange(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </dd>
      </>
    ) : (
      <>
        <dt>{label}</dt>
        <dd>{shown}</dd>
      </>
    )

  const gapOptions: Option[] = [
    { value: '', label: gaps.isPending ? 'Loading…' : 'None' },
    ...(gaps.data?.items ?? []).map((g) => ({ value: g.id, label: g.title })),
  ]
  const teamOptions: Option[] = [
    { value: '', label: 'Not known yet' },
    ...activeTeams(teams.data).map((t) => ({ value: t.id, label: t.name })),
  ]
  const totals = impacts.data?.weightedHarm
  const gapTitle = gaps.data?.items.find((g) => g.id === incident.gapId)?.title

  return (
    <aside className="incident-side card" aria-labelledby="side-heading">
      <h2 id="side-heading">Triage</h2>
      <div role="status">
        {stale && <p className="problem">Someone else changed this incident first. It now shows their version; try again.</p>}
      </div>
      {update.error && !stale && <ProblemMessage error={update.error} title="Not saved." />}
      <dl className="side-facts">
        {property(
          'side-status',
          'Status',
          incident.status,
          incidentStatuses.map((s) => ({ value: s, label: incidentStatusLabels[s] })),
          (v) => save({ status: v as Incident['status'] }),
          incidentStatusLabels[incident.status],
        )}
        {property(
          'side-rootCause',
          'Root cause',
          incident.rootCause,
          rootCauses.map((r) => ({ value: r, label: rootCauseLabels[r].label })),
          (v) => save({ rootCause: v as Incident['rootCause'] }),
          rootCauseLabels[incident.rootCause].label,
        )}
      </dl>
      <h2 id="d-trace">Trace</h2>
      <dl className="side-facts">
        <dt>Upstream decision</dt>
        <dd>
          {!incident.decisionId && 'Not known yet'}
          {decision.data && (
            <>
              <Link to={`/decisions/${decision.data.id}`}>{decision.data.title}</Link>{' '}
              {decision.data.decisionClass === 'strategy_bearing' ? (
                <Badge tone="good">Strategy-bearing</Badge>
              ) : (
                <Badge>Agreement</Badge>
              )}
            </>
          )}
        </dd>
        {incident.decisionId ? (
          <>
            <dt>Owner team</dt>
            <dd>{teamName(incident.decisionOwnerTeamId)}</dd>
          </>
        ) : (
          property(
            'side-owner',
            'Owner team',
            incident.decisionOwnerTeamId ?? '',
            teamOptions,
            (v) => save({ decisionOwnerTeamId: v || null }),
            incident.decisionOwnerTeamId ? teamName(incident.decisionOwnerTeamId) : 'Not known yet',
          )
        )}
        {property(
          'side-gap',
          'Strategy gap',
          incident.gapId ?? '',
          gapOptions,
          (v) => save({ gapId: v || null }),
          incident.gapId ? (gapTitle ?? 'Linked') : 'None linked',
        )}
        <dt>Cluster</dt>
        <dd>
          {clusters.data?.items.length === 0 && 'In no cluster'}
          {clusters.data?.items.map((c) => (
            <span key={c.id} className="side-cluster">
              <Link to={`/clusters/${c.id}`}>{c.title}</Link>
              {c.status === 'suggested' && <span className="meta">suggested</span>}
            </span>
          ))}
        </dd>
        <dt>Weighted harm</dt>
        <dd>
          <strong>{weightedHarmWords(incident.harm, incident.surprise)}</strong>
          {totals && totals.impacts > 0 && (
            <span className="meta">
              {totals.total} with{' '}
              {impacts.data?.items.length === 1 ? 'one other team' : `${impacts.data?.items.length} other teams`} hurt too
            </span>
          )}
        </dd>
      </dl>
    </aside>
  )
}
