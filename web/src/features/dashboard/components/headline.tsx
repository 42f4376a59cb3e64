import { daysBetween, type Headline as HeadlineData, type WhatChangedEntry } from '@misalign/shared'
import { Link } from 'react-router'
import { Loading, ProblemMessage } from '../../../components/feedback'
import { rootCauseLabels } from '../../../lib/labels'
import { useHeadline } from '../api/analytics'
import { type DashboardView, drillHref } from '../filters'
import { headlineTiles, signedChange, type TileView, trendOf, windowText } from '../headline-format'

const arrows = { worse: '▲', better: '▼', same: '▬', unknown: '' } as const
const trendWords = { worse: 'worse', better: 'better', same: 'no change', unknown: '' } as const

/**
 * The top of the dashboard: six numbers against the same number of days before, and the places
 * whose weighted harm rose or fell most, each opening its incidents. Drawn without the chart
 * bundle, so it is the first thing a leader sees.
 */
export function DashboardHeadline({ view }: { view: DashboardView }) {
  const headline = useHeadline(view.filters)
  const state = headline.isPending ? 'loading' : headline.error ? 'error' : 'drawn'
  return (
    <section className="headline" aria-labelledby="headline-title" data-headline={state}>
      <h2 id="headline-title" className="visually-hidden">
        Headline numbers
      </h2>
      {headline.isPending ? (
        <Loading label="Loading the headline numbers" />
      ) : headline.error ? (
        <ProblemMessage error={headline.error} title="The headline numbers could not be loaded." />
      ) : (
        <HeadlineBody data={headline.data} view={view} />
      )}
    </section>
  )
}

function HeadlineBody({ data, view }: { data: HeadlineData; view: DashboardView }) {
  const days = daysBetween(data.window.from, data.window.to) + 1
  const isOwnWindow = view.filters.from === data.window.from && view.filters.to === data.window.to
  return (
    <>
      <p className="hint headline-window">
        {isOwnWindow ? '' : 'Last 90 days: '}
        {windowText(data.window)} against the {days} days before ({windowText(data.previousWindow)}). ▲ red is worse, ▼ green is
        better.
      </p>
      <ul className="headline-tiles">
        {headlineTiles(data.tiles).map((tile) => (
          <Tile key={tile.key} tile={tile} />
        ))}
      </ul>
      <WhatChanged data={data} view={view} days={days} />
    </>
  )
}

function Tile({ tile }: { tile: TileView }) {
  return (
    <li className={`headline-tile trend-${tile.trend}`} data-tile={tile.key} data-value={tile.raw}>
      <span className="tile-label">{tile.label}</span>
      <span className="tile-value">{tile.value}</span>
      <span className="tile-change">
        {arrows[tile.trend] && <span aria-hidden="true">{arrows[tile.trend]} </span>}
        {tile.change}
        {tile.trend === 'worse' || tile.trend === 'better' ? `, ${trendWords[tile.trend]}` : ''}
      </span>
      <span className="tile-previous">before: {tile.previous}</span>
    </li>
  )
}

const kindLabels: Record<WhatChangedEntry['kind'], string> = {
  team_pair: 'Team pair',
  decision: 'Decision',
  root_cause: 'Root cause',
}

function labelOf(entry: WhatChangedEntry): string {
  const cause = entry.filters.rootCause?.[0]
  return entry.kind === 'root_cause' && cause ? rootCauseLabels[cause].label : entry.label
}

function WhatChanged({ data, view, days }: { data: HeadlineData; view: DashboardView; days: number }) {
  // The links open the current window, whatever range the charts show.
  const filters = { ...view.filters, from: data.window.from, to: data.window.to }
  const column = (title: string, entries: WhatChangedEntry[], empty: string) => (
    <div className="what-changed-column">
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ol>
          {entries.map((entry) => (
            <ChangeItem key={entry.key} entry={entry} href={drillHref(filters, entry.filters)} />
          ))}
        </ol>
      )}
    </div>
  )
  return (
    <section className="card what-changed" aria-labelledby="what-changed-title">
      <h2 id="what-changed-title">What changed</h2>
      <p className="hint">
        The largest rises and falls in weighted harm (harm × surprise) against the {days} days before, by team pair (decision
        owner → harmed team), decision and root cause. A team pair with 1–4 incidents in either period is left out, so no small
        group can be pointed at. Each opens its incidents in this period.
      </p>
      <div className="what-changed-columns">
        {column('Got worse', data.whatChanged.rises, 'Nothing rose.')}
        {column('Got better', data.whatChanged.falls, 'Nothing fell.')}
      </div>
    </section>
  )
}

function ChangeItem({ entry, href }: { entry: WhatChangedEntry; href: string }) {
  const trend = trendOf(entry.change.weightedHarm)
  return (
    <li className={`what-changed-item trend-${trend}`} data-change={entry.key}>
      <span className="what-changed-kind">{kindLabels[entry.kind]}</span>
      <Link to={href} data-incidents={entry.current.incidents}>
        {labelOf(entry)}
      </Link>
      <span className="what-changed-numbers">
        <span className="what-changed-delta">
          <span aria-hidden="true">{arrows[trend]} </span>
          {signedChange(entry.change.weightedHarm)} weighted harm
        </span>{' '}
        ({entry.previous.weightedHarm} → {entry.current.weightedHarm}); incidents {entry.previous.incidents} →{' '}
        {entry.current.incidents}
      </span>
    </li>
  )
}
