import type { Headline } from '@misalign/shared'
import { formatDay } from '../../lib/labels'

/**
 * How a headline tile reads. Every measure on the row is one where more is worse (more harm, more
 * days lost, more incidents, later discovery, more left untriaged), so a rise is always "worse";
 * the arrow and the word say it too, so the colour is never the only sign.
 */
export type Trend = 'worse' | 'better' | 'same' | 'unknown'

export interface TileView {
  key: keyof Headline['tiles']
  label: string
  value: string
  /** The raw current value, for tests and the title attribute; '' when unknown. */
  raw: string
  previous: string
  change: string
  trend: Trend
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })
const signed = (n: number, format: Intl.NumberFormat) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${format.format(Math.abs(n))}`

export const trendOf = (change: number | null): Trend =>
  change === null ? 'unknown' : change > 0 ? 'worse' : change < 0 ? 'better' : 'same'

/** "+12.5%", or the absolute change when there is no base ("+12, none before"). */
function changeText(change: number, changePercent: number | null, format: Intl.NumberFormat): string {
  if (changePercent !== null) return `${signed(changePercent, oneDecimal)}%`
  return change === 0 ? 'no change' : `${signed(change, format)}, none before`
}

function measureTile(
  key: 'weightedHarm' | 'engineerDaysLost' | 'incidents',
  label: string,
  tile: Headline['tiles'][typeof key],
  format: Intl.NumberFormat,
): TileView {
  return {
    key,
    label,
    value: format.format(tile.current),
    raw: String(tile.current),
    previous: format.format(tile.previous),
    change: changeText(tile.change, tile.changePercent, format),
    trend: trendOf(tile.change),
  }
}

/** The six tiles of the headline row, in the order a leader reads them. */
export function headlineTiles(tiles: Headline['tiles']): TileView[] {
  const perDecision = tiles.incidentsPerDecision
  const lag = tiles.medianDiscoveryLag
  const share = tiles.shareUntriaged
  const percent = (n: number) => `${oneDecimal.format(n * 100)}%`
  const points = Math.round(share.change * 1000) / 10
  return [
    measureTile('weightedHarm', 'Weighted harm', tiles.weightedHarm, whole),
    measureTile('engineerDaysLost', 'Engineer-days lost', tiles.engineerDaysLost, oneDecimal),
    measureTile('incidents', 'Incidents', tiles.incidents, whole),
    {
      key: 'incidentsPerDecision',
      label: 'Incidents per decision recorded',
      value: perDecision.current === null ? 'no decisions' : twoDecimals.format(perDecision.current),
      raw: perDecision.current === null ? '' : String(perDecision.current),
      previous: perDecision.previous === null ? 'no decisions' : twoDecimals.format(perDecision.previous),
      change:
        perDecision.change === null ? 'not comparable' : changeText(perDecision.change, perDecision.changePercent, twoDecimals),
      trend: trendOf(perDecision.change),
    },
    {
      key: 'medianDiscoveryLag',
      label: 'Median discovery lag',
      value: lag.currentLabel ?? 'unknown',
      raw: lag.current === null ? '' : String(lag.current),
      previous: lag.previousLabel ?? 'unknown',
      change:
        lag.change === null
          ? 'not comparable'
          : lag.change === 0
            ? 'same bucket'
            : `${Math.abs(lag.change)} bucket${Math.abs(lag.change) === 1 ? '' : 's'} ${lag.change > 0 ? 'later' : 'earlier'}`,
      trend: trendOf(lag.change),
    },
    {
      key: 'shareUntriaged',
      label: 'Share untriaged (still open)',
      value: percent(share.current),
      raw: String(share.current),
      previous: percent(share.previous),
      change: points === 0 ? 'no change' : `${signed(points, oneDecimal)} pts`,
      trend: trendOf(points),
    },
  ]
}

/** "1 Apr 2026 – 29 Jun 2026". */
export const windowText = (w: { from: string; to: string }) => `${formatDay(w.from)} – ${formatDay(w.to)}`

/** "+120", "−35": a change in the what-changed list. */
export const signedChange = (n: number) => signed(n, whole)
