import type { HarmBreakdown } from '@misalign/shared'
import { useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { Term } from '../../../components/term'
import { countOf, harmKindLabels, nounFor } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useHarm } from '../api/analytics'
import { type DashboardView, drillHref } from '../filters'
import { cellText, fewerThan5Text, measure, type TableSpec } from '../table'
import { axisTick } from './axis-tick'
import { ChartCard } from './chart-card'
import { axisTitle, colors } from './chart-kit'
import { ChartLegend } from './chart-legend'
import { WeightedHarmBars } from './weighted-harm-bars'

type TeamRow = HarmBreakdown['byTeam'][number]
type KindRow = HarmBreakdown['byKind'][number]

/** The sums a leader checks first: how many incidents, how much harm, how many days lost. */
function HarmTotals({ totals }: { totals: HarmBreakdown['totals'] }) {
  const value = (v: number | null) => cellText(measure(v, totals.suppressed))
  return (
    <dl className="stat-strip">
      <div>
        <dt className="stat-label">Incidents</dt>
        <dd className="stat-value">{value(totals.incidents)}</dd>
      </div>
      <div>
        <dt className="stat-label">
          <Term id="weighted-harm">Weighted harm</Term> (harm × surprise)
        </dt>
        <dd className="stat-value">{value(totals.weightedHarm)}</dd>
      </div>
      <div>
        <dt className="stat-label">Engineer-days lost</dt>
        <dd className="stat-value">{value(totals.engineerDaysLost)}</dd>
      </div>
      <div>
        <dt className="stat-label">Delay days</dt>
        <dd className="stat-value">{value(totals.delayDays)}</dd>
      </div>
    </dl>
  )
}

export function HarmByTeamChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const harm = useHarm(view.filters)
  const teamName = useTeamName()
  const rows = [...(harm.data?.byTeam ?? [])].sort((a, b) => (b.weightedHarm ?? -1) - (a.weightedHarm ?? -1))
  const shown = rows.filter((r) => !r.suppressed)
  const hidden = rows.length - shown.length
  const hrefOf = (r: TeamRow) => drillHref(view.filters, { reportingTeamId: [r.reportingTeamId] })

  const table: TableSpec<TeamRow> = {
    caption: 'Incidents, weighted harm, engineer-days lost and delay days per harmed team',
    columns: [
      { header: 'Harmed (reporting) team', value: (r) => teamName(r.reportingTeamId) },
      { header: 'Incidents', value: (r) => measure(r.incidents, r.suppressed), isNumeric: true, href: hrefOf },
      { header: 'Weighted harm (harm × surprise)', value: (r) => measure(r.weightedHarm, r.suppressed), isNumeric: true },
      { header: 'Engineer-days lost', value: (r) => measure(r.engineerDaysLost, r.suppressed), isNumeric: true },
      { header: 'Delay days', value: (r) => measure(r.delayDays, r.suppressed), isNumeric: true },
    ],
    rows,
    rowKey: (r) => r.reportingTeamId,
  }

  return (
    <ChartCard
      id="harm-by-team"
      title="Where harm lands: weighted harm per harmed team"
      description="Sum of harm × surprise over each reporting team’s incidents, with engineer-days lost and delay days in the table. Teams with fewer than 5 incidents are hidden to protect reporters."
      query={harm}
      isEmpty={rows.length === 0}
      table={table}
      fileSuffix={fileSuffix}
      note={`Select a bar to open the team’s incidents.${hidden > 0 ? ` ${countOf(hidden, 'more team')} ${nounFor(hidden, 'has', 'have')} ${fewerThan5Text} incidents each (listed in the table, not drawn).` : ''}`}
      chart={() => (
        <WeightedHarmBars
          rows={shown}
          labelOf={(r) => teamName(r.reportingTeamId)}
          hrefOf={hrefOf}
          axisLabel="Weighted harm (harm × surprise)"
          rowHeight={26}
          labelWidth={150}
        />
      )}
    >
      {harm.data && <HarmTotals totals={harm.data.totals} />}
    </ChartCard>
  )
}

export function HarmByKindChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const harm = useHarm(view.filters)
  const navigate = useNavigate()
  const rows = [...(harm.data?.byKind ?? [])].sort((a, b) => b.weightedHarm - a.weightedHarm)
  const data = rows.map((r) => ({ ...r, label: harmKindLabels[r.harmKind] }))
  const hrefOf = (r: KindRow) => (r.incidents > 0 ? drillHref(view.filters, { harmKind: [r.harmKind] }) : undefined)

  const table: TableSpec<KindRow> = {
    caption: 'Incidents, weighted harm, engineer-days lost and delay days per harm kind',
    columns: [
      { header: 'Harm kind', value: (r) => harmKindLabels[r.harmKind] },
      { header: 'Incidents', value: (r) => r.incidents, isNumeric: true, href: hrefOf },
      { header: 'Weighted harm (harm × surprise)', value: (r) => r.weightedHarm, isNumeric: true },
      { header: 'Engineer-days lost', value: (r) => r.engineerDaysLost, isNumeric: true },
      { header: 'Delay days', value: (r) => r.delayDays, isNumeric: true },
    ],
    rows,
    rowKey: (r) => r.harmKind,
  }

  // One measure on one axis: days lost and delay days are in the table, not on a second axis.
  return (
    <ChartCard
      id="harm-by-kind"
      title="What kind of harm: weighted harm per harm kind"
      description="An incident can do several kinds of harm, so it counts once under each kind it names and these sums add up to more than the totals. Engineer-days lost and delay days per kind are in the table."
      query={harm}
      isEmpty={rows.every((r) => r.incidents === 0)}
      table={table}
      fileSuffix={fileSuffix}
      note="Select a bar to open the incidents that name that kind of harm."
      chart={() => (
        <>
          <ChartLegend items={[{ label: 'Weighted harm (harm × surprise)', color: colors.primary }]} />
          <BarChart
            data={data}
            layout="vertical"
            responsive
            style={{ width: '100%', height: Math.max(220, 36 * data.length + 70) }}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke={colors.grid} />
            <YAxis type="category" dataKey="label" tick={axisTick} interval={0} width={120} />
            <XAxis type="number" tick={axisTick} interval={0} label={axisTitle('Weighted harm')} height={40} />
            <Tooltip />
            <Bar
              dataKey="weightedHarm"
              name="Weighted harm"
              fill={colors.primary}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => {
                const href = rows[index] && hrefOf(rows[index])
                if (href) navigate(href)
              }}
            />
          </BarChart>
        </>
      )}
    />
  )
}
