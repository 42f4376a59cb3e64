import type { Incident, Page } from '@misalign/shared'
import { useQuery } from '@tanstack/react-query'
import { apiGet } from '../lib/api'

/** A first page: the real screens (report, incidents, dashboard…) come with the web app issue. */
export function App() {
  const { data, error, isPending } = useQuery({
    queryKey: ['incidents', { limit: 10 }],
    queryFn: () => apiGet<Page<Incident>>('/v1/incidents?limit=10'),
  })
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '2rem auto', padding: '0 1rem' }}>
      <h1>Misalignment Tracker</h1>
      <p>
        Record the decisions that surprised and hurt your team, trace them to the missing strategy, and see where strategy has
        gaps. The API is described at <a href="/api/docs">/api/docs</a>.
      </p>
      <h2>Latest incidents</h2>
      {isPending && <p role="status">Loading incidents…</p>}
      {error && <p role="alert">{error.message}</p>}
      {data && data.items.length === 0 && <p>No incidents filed yet.</p>}
      {data && data.items.length > 0 && (
        <ul>
          {data.items.map((incident) => (
            <li key={incident.id}>
              <strong>{incident.key}</strong> {incident.title} — weighted harm {incident.weightedHarm}
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
