import { type GapRankingItem, type GapTrend, gapStatuses } from '@misalign/shared'
import { Link } from 'react-router'
import { ExportLinks } from '../../../components/export-links'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { PagedList } from '../../../components/paged-list'
import { TableScroll } from '../../../components/table-scroll'
import { Term } from '../../../components/term'
import { incidentListHref } from '../../../lib/incident-filters'
import { countOf, formatDay, gapStatusLabels } from '../../../lib/labels'
import { type RankingFilters, useGapRanking } from '../api/strategy-gaps'

const trendWords: Record<GapTrend, { label: string; tone: string }> = {
  rising: { label: '↑ Rising', tone: 'danger' },
  falling: { label: '↓ Falling', tone: 'good' },
  steady: { label: '→ Steady', tone: 'neutral' },
  quiet: { label: 'Quiet', tone: 'neutral' },
}

export function TrendMark({ item }: { item: Pick<GapRankingItem, 'trend' | 'earlierHalf' | 'laterHalf'> }) {
  const { label, tone } = trendWords[item.trend]
  return (
    <>
      <Badge tone={tone}>{label}</Badge>{' '}
      <span className="hint">
        {item.earlierHalf} → {item.laterHalf}
      </span>
    </>
  )
}

/** Window and status: the window is empty until chosen, and the API's default is shown instead. */
export function RankingFiltersForm({ filters, onChange }: { filters: RankingFilters; onChange: (next: RankingFilters) => void }) {
  const set = (key: keyof RankingFilters, value: string) => {
    const next: Record<string, string> = { ...(filters as Record<string, string>) }
    if (value) next[key] = value
    else delete next[key]
    onChange(next as RankingFilters)
  }
  return (
    <div className="filters card">
      <Field id="gap-from" label="From">
        {(c) => <input {...c} type="date" value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)} />}
      </Field>
      <Field id="gap-to" label="To">
        {(c) => <input {...c} type="date" value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} />}
      </Field>
      <Field id="gap-status" label="Status">
        {(c) => (
          <select {...c} value={filters.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any</option>
            {gapStatuses.map((s) => (
              <option key={s} value={s}>
                {gapStatusLabels[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  )
}

/** The ranked register, a page at a time, with the formula and the window it covers said on screen. */
export function GapRegister({ filters }: { filters: RankingFilters }) {
  const ranking = useGapRanking(filters)
  const first = ranking.data?.pages[0]
  const isDefaultWindow = !filters.from && !filters.to
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">
        Ranked register{first && `, ${formatDay(first.from)} – ${formatDay(first.to)}`}
        {isDefaultWindow && <span className="hint"> (the last 90 days unless you choose a window)</span>}
      </h2>
      {first && (
        <p className="formula" data-testid="ranking-formula">
          <strong>How gaps are ranked:</strong> {first.formula}. Trend compares the window’s earlier half with its later half
          (incidents, earlier → later). Restricted incidents count only for those who may see them.
        </p>
      )}
      <PagedList
        query={ranking}
        noun="strategy gaps"
        resetKey={JSON.stringify(filters)}
        // The export is the gaps themselves (the list's filters); the ranking's window is not one of them.
        toolbar={<ExportLinks path="/strategy-gaps" filters={{ status: filters.status }} noun="strategy gaps" />}
        empty={<p>No strategy gap here. Gaps are opened when incidents point at missing or stale strategy.</p>}
      >
        {(items) => (
          <RegisterTable
            items={items}
            rankOffset={rankOffsetOf(ranking.data?.pages ?? [], items)}
            window={{ from: first?.from ?? '', to: first?.to ?? '' }}
          />
        )}
      </PagedList>
    </section>
  )
}

/** The rank of a page's first row: the rows on the pages before it. */
function rankOffsetOf(pages: readonly { items: readonly GapRankingItem[] }[], items: readonly GapRankingItem[]): number {
  let before = 0
  for (const page of pages) {
    if (page.items === items) return before
    before += page.items.length
  }
  return 0
}

interface Window {
  from: string
  to: string
}

function RegisterTable({ items, rankOffset, window }: { items: GapRankingItem[]; rankOffset: number; window: Window }) {
  return (
    <TableScroll label="Strategy gaps">
      <table className="data-table gap-register">
        <caption className="visually-hidden">Strategy gaps, most weighted harm first</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Rank
            </th>
            <th scope="col">Strategy gap</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              <Term id="weighted-harm">Weighted harm</Term>
            </th>
            <th scope="col" className="numeric">
              Incidents
            </th>
            <th scope="col" className="numeric">
              Teams affected
            </th>
            <th scope="col" className="numeric">
              Incidents per month
            </th>
            <th scope="col">Trend</th>
            <th scope="col" className="numeric">
              Engineer-days lost
            </th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <RegisterRow key={item.gapId} item={item} rank={rankOffset + index + 1} window={window} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

function RegisterRow({ item, rank, window }: { item: GapRankingItem; rank: number; window: Window }) {
  return (
    <tr>
      <td className="numeric">{rank}</td>
      <th scope="row">
        <Link to={`/strategy-gaps/${item.gapId}`}>{item.title}</Link>
      </th>
      <td>{gapStatusLabels[item.status]}</td>
      <td className="numeric">
        <strong>{item.weightedHarm}</strong>
      </td>
      <td className="numeric">
        <Link
          to={incidentListHref({ gapId: item.gapId, from: window.from, to: window.to })}
          aria-label={`${countOf(item.incidents, 'incident')} in ${item.title}`}
        >
          {item.incidents}
        </Link>
      </td>
      <td className="numeric">{item.teamsAffected}</td>
      <td className="numeric">{item.recurrencePerMonth}</td>
      <td className="trend">
        <TrendMark item={item} />
      </td>
      <td className="numeric">{item.engineerDaysLost}</td>
      <td className="day">{formatDay(item.lastSeenAt)}</td>
    </tr>
  )
}
