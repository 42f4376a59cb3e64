import type { TeamMatrix } from '@misalign/shared'
import { Link } from 'react-router'
import { countOf } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useTeamMatrix } from '../api/analytics'
import { type DashboardView, drillHref } from '../filters'
import { fewerThan5Text, measure, type TableSpec } from '../table'
import { ChartCard } from './chart-card'

/** A pair's cell, or a harmed team's hidden pairs taken together (the "Other owner teams" row). */
type Cell = TeamMatrix['cells'][number] & { ownerTeams?: number }
const NO_OWNER = 'none'
const OTHER_OWNERS = 'other'
/** More rows or columns than this no longer fit a screen; the table view lists every pair. */
const MAX_TEAMS = 14

/** Teams ordered by the weighted harm of their shown cells, keeping only those with any shown cell. */
function rank(cells: Cell[], key: (c: Cell) => string): string[] {
  const harm = new Map<string, number>()
  for (const c of cells) if (!c.suppressed) harm.set(key(c), (harm.get(key(c)) ?? 0) + (c.weightedHarm ?? 0))
  return [...harm.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id)
}

/**
 * Five steps from pale to dark blue by share of the largest cell. Steps, not a gradient: a
 * mid-tone blue has too little contrast with both white and black text (WCAG AA), so the three
 * light steps carry dark numbers and the two dark ones white numbers.
 */
export const heatSteps = [
  { background: '#eef4fa', color: '#1d2327' },
  { background: '#c6dbef', color: '#1d2327' },
  { background: '#93bfe0', color: '#1d2327' },
  { background: '#2f6da6', color: '#ffffff' },
  { background: '#0b3466', color: '#ffffff' },
] as const

const shade = (share: number) => heatSteps[Math.min(heatSteps.length - 1, Math.floor(share * heatSteps.length))] ?? heatSteps[0]

export function TeamMatrixChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const matrix = useTeamMatrix(view.filters)
  const teamName = useTeamName()
  const cells = matrix.data?.cells ?? []
  const others: Cell[] = (matrix.data?.otherOwners ?? []).map((o) => ({ ...o, decisionOwnerTeamId: null, suppressed: false }))
  const ownerKey = (c: Cell) => (c.ownerTeams ? OTHER_OWNERS : (c.decisionOwnerTeamId ?? NO_OWNER))
  const owners = rank(cells, ownerKey).slice(0, MAX_TEAMS)
  // A column whose pairs are all small still shows, through its "other owner teams" cell.
  const harmed = rank([...cells, ...others], (c) => c.reportingTeamId).slice(0, MAX_TEAMS)
  if (others.some((o) => harmed.includes(o.reportingTeamId))) owners.push(OTHER_OWNERS)
  const byPair = new Map([...cells, ...others].map((c) => [`${ownerKey(c)}|${c.reportingTeamId}`, c]))
  // Shades by the largest pair: a row that sums many teams would wash every pair out.
  const maxHarm = Math.max(1, ...cells.map((c) => c.weightedHarm ?? 0))
  const ownerName = (id: string) =>
    id === NO_OWNER ? 'Owner not recorded' : id === OTHER_OWNERS ? 'Other owner teams (each fewer than 5)' : teamName(id)
  // A pair opens its incidents; "owner not recorded" opens the harmed team's incidents with no owner.
  // The row of other owner teams opens nothing: the list cannot say "owners with few incidents".
  const hrefOf = (c: Cell) =>
    c.ownerTeams
      ? undefined
      : c.decisionOwnerTeamId
        ? drillHref(view.filters, { decisionOwnerTeamId: [c.decisionOwnerTeamId], reportingTeamId: [c.reportingTeamId] })
        : drillHref(view.filters, { hasOwner: false, reportingTeamId: [c.reportingTeamId] })
  const suppressedCount = cells.filter((c) => c.suppressed).length

  const rows = [...cells, ...others].sort((a, b) => (b.weightedHarm ?? -1) - (a.weightedHarm ?? -1))
  const table: TableSpec<Cell> = {
    caption: 'Incidents and weighted harm per decision owner team and harmed team',
    columns: [
      {
        header: 'Decision owner team',
        value: (c) => (c.ownerTeams ? `${c.ownerTeams} other owner teams, each ${fewerThan5Text}` : ownerName(ownerKey(c))),
      },
      { header: 'Harmed (reporting) team', value: (c) => teamName(c.reportingTeamId) },
      { header: 'Incidents', value: (c) => measure(c.incidents, c.suppressed), isNumeric: true, href: hrefOf },
      { header: 'Weighted harm (harm × surprise)', value: (c) => measure(c.weightedHarm, c.suppressed), isNumeric: true },
    ],
    rows,
    rowKey: (c) => `${ownerKey(c)}|${c.reportingTeamId}`,
  }

  return (
    <ChartCard
      id="team-matrix"
      title="Which teams’ decisions hurt which teams: weighted harm per team pair"
      description="Rows are the team that owned the decision, columns the team it harmed (the reporting team). Each cell sums harm × surprise over the pair’s incidents; darker is more. Pairs with fewer than 5 incidents are hidden to protect reporters; where a harmed team’s hidden pairs add up to 5 or more, the last row shows them together."
      query={matrix}
      isEmpty={cells.length === 0}
      table={table}
      fileSuffix={fileSuffix}
      className="span-all"
      note={
        <>
          Select a cell to open the pair’s incidents. The grid shows the {owners.length} owner and {harmed.length} harmed teams
          with the most weighted harm; the table lists all {cells.length} pairs
          {suppressedCount > 0 ? `, ${suppressedCount} of them with ${fewerThan5Text} incidents` : ''}.
        </>
      }
      chart={() =>
        owners.length === 0 ? (
          <p className="empty">Every team pair here has {fewerThan5Text} incidents; the table lists them.</p>
        ) : (
          <>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the grid scrolls sideways, and a keyboard must be able to scroll it */}
            <section className="heatmap-scroll" aria-label="Heat map, scrolls sideways" tabIndex={0}>
              <table className="heatmap">
                <caption className="visually-hidden">
                  Weighted harm per decision owner team (rows) and harmed team (columns)
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="heatmap-corner">
                      Decision owner ↓ · harmed team →
                    </th>
                    {harmed.map((id) => (
                      <th key={id} scope="col" className="heatmap-col">
                        <span>{teamName(id)}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {owners.map((owner) => (
                    <tr key={owner}>
                      <th scope="row">{ownerName(owner)}</th>
                      {harmed.map((team) => (
                        <td key={team}>
                          <HeatCell
                            cell={byPair.get(`${owner}|${team}`)}
                            maxHarm={maxHarm}
                            href={hrefOf}
                            names={[ownerName(owner), teamName(team)]}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <HeatLegend />
          </>
        )
      }
    />
  )
}

function HeatCell(props: {
  cell: Cell | undefined
  maxHarm: number
  href: (c: Cell) => string | undefined
  names: [string, string]
}) {
  const { cell, maxHarm, names } = props
  if (!cell)
    return (
      <span className="heat-cell heat-none">
        <span className="visually-hidden">no incidents</span>
      </span>
    )
  const pair = cell.ownerTeams ? `${cell.ownerTeams} other owner teams together → ${names[1]}` : `${names[0]} → ${names[1]}`
  const isHidden = cell.suppressed || cell.weightedHarm === null
  const text = isHidden ? '<5' : String(cell.weightedHarm)
  const label = isHidden
    ? `${pair}: ${fewerThan5Text} incidents`
    : `${pair}: ${countOf(cell.incidents ?? 0, 'incident')}, weighted harm ${cell.weightedHarm}`
  const style = isHidden ? undefined : shade((cell.weightedHarm ?? 0) / maxHarm)
  const className = `heat-cell${isHidden ? ' heat-hidden' : ''}`
  const href = props.href(cell)
  return href ? (
    <Link to={href} className={className} style={style} title={label} aria-label={label}>
      {text}
    </Link>
  ) : (
    <span className={className} style={style} title={label}>
      {text}
      <span className="visually-hidden">{label}</span>
    </span>
  )
}

function HeatLegend() {
  return (
    <div className="heat-legend">
      <span>Weighted harm: less</span>
      {heatSteps.map((step) => (
        <span key={step.background} className="heat-step" style={{ background: step.background }} aria-hidden="true" />
      ))}
      <span>more (fifths of the largest cell)</span>
      <span className="heat-cell heat-hidden heat-legend-cell" aria-hidden="true">
        {'<5'}
      </span>
      <span>{fewerThan5Text} incidents (hidden)</span>
    </div>
  )
}
