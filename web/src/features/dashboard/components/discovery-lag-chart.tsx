import { type DiscoveryLag, lagBucketKeys } from '@misalign/shared'
import { useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { discoveryChannelLabels } from '../../../lib/labels'
import { useDiscoveryLag } from '../api/analytics'
import { type DashboardView, drillHref } from '../filters'
import type { Column, TableSpec } from '../table'
import { axisTick } from './axis-tick'
import { ChartCard } from './chart-card'
import { axisTitle, colors, lagColors, unknownLagColor } from './chart-kit'
import { ChartLegend } from './chart-legend'

type Channel = DiscoveryLag['channels'][number]
const totalOf = (c: Channel) => c.counts.reduce((s, n) => s + n, 0) + c.unknownLag

export function DiscoveryLagChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const lag = useDiscoveryLag(view.filters)
  const navigate = useNavigate()
  const buckets = lag.data?.buckets ?? []
  const channels = [...(lag.data?.channels ?? [])].sort((a, b) => totalOf(b) - totalOf(a))
  const hrefOf = (c: Channel) => drillHref(view.filters, { discoveryChannel: [c.discoveryChannel] })
  /** One segment: the channel's incidents in one lag bucket. */
  const bucketHref = (c: Channel, bucket: number) => {
    const key = lagBucketKeys[bucket]
    return key ? drillHref(view.filters, { discoveryChannel: [c.discoveryChannel], lagBucket: [key] }) : hrefOf(c)
  }
  const unknownHref = (c: Channel) =>
    drillHref(view.filters, { discoveryChannel: [c.discoveryChannel], decisionClass: ['no_decision_record'] })
  const data = channels.map((c) => ({
    label: discoveryChannelLabels[c.discoveryChannel],
    unknownLag: c.unknownLag,
    ...Object.fromEntries(c.counts.map((n, i) => [`b${i}`, n])),
  }))

  const table: TableSpec<Channel> = {
    caption: 'Incidents per discovery channel and days from decision to discovery',
    columns: [
      { header: 'Discovered', value: (c) => discoveryChannelLabels[c.discoveryChannel] },
      ...buckets.map(
        (b, i): Column<Channel> => ({
          header: b.label,
          value: (c) => c.counts[i] ?? 0,
          isNumeric: true,
          href: (c) => ((c.counts[i] ?? 0) > 0 ? bucketHref(c, i) : undefined),
        }),
      ),
      {
        header: 'No decision recorded (lag unknown)',
        value: (c) => c.unknownLag,
        isNumeric: true,
        href: (c) => (c.unknownLag > 0 ? unknownHref(c) : undefined),
      },
      { header: 'All incidents', value: totalOf, isNumeric: true, href: hrefOf },
    ],
    rows: channels,
    rowKey: (c) => c.discoveryChannel,
  }

  return (
    <ChartCard
      id="discovery-lag"
      title="How late decisions are discovered: incidents by days from decision to discovery, per channel"
      description="Days from the decision’s date to the day the harmed team discovered it. Incidents not traced to a recorded decision have no lag and are counted apart."
      query={lag}
      isEmpty={channels.length === 0}
      table={table}
      fileSuffix={fileSuffix}
      note="Select a segment to open the incidents discovered that way that many days after their decision; the table’s “All incidents” opens every incident of the channel."
      chart={() => (
        <>
          <ChartLegend
            items={[
              ...buckets.map((b, i) => ({ label: `${b.label} later`, color: lagColors[i] ?? colors.primary })),
              { label: 'No decision recorded', color: unknownLagColor },
            ]}
          />
          <BarChart
            data={data}
            layout="vertical"
            responsive
            style={{ width: '100%', height: Math.max(220, 34 * data.length + 90) }}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke={colors.grid} />
            <XAxis type="number" allowDecimals={false} tick={axisTick} interval={0} label={axisTitle('Incidents')} height={40} />
            <YAxis type="category" dataKey="label" tick={axisTick} interval={0} width={150} />
            <Tooltip />
            {buckets.map((b, i) => (
              <Bar
                key={b.label}
                dataKey={`b${i}`}
                name={b.label}
                stackId="lag"
                fill={lagColors[i] ?? colors.primary}
                cursor="pointer"
                isAnimationActive={false}
                onClick={(_, index) => {
                  const c = channels[index]
                  if (c) navigate(bucketHref(c, i))
                }}
              />
            ))}
            <Bar
              dataKey="unknownLag"
              name="No decision recorded"
              stackId="lag"
              fill={unknownLagColor}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => {
                const c = channels[index]
                if (c) navigate(unknownHref(c))
              }}
            />
          </BarChart>
        </>
      )}
    />
  )
}
