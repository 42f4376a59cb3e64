import { describe, expect, it } from 'vitest'
import { drillHref, periodEnd, viewFromSearch } from './filters'
import { FEWER_THAN_5, type TableSpec, toCsv } from './table'

const view = (query: string) => viewFromSearch(new URLSearchParams(query), '2026-06-30')

describe('the dashboard view from the URL', () => {
  it('shows the last 90 days, by week, when the address says nothing', () => {
    expect(view('')).toMatchObject({
      range: '90d',
      interval: 'week',
      filters: { from: '2026-04-02', to: '2026-06-30' },
      ignored: [],
    })
  })

  it('reads the incident list’s filters, keeps chosen dates over a range, and names list-only filters it ignores', () => {
    const v = view('range=30d&from=2025-07-01&rootCause=hidden_decision&rootCause=bogus&q=payments&interval=month')
    expect(v.range).toBe('custom')
    expect(v.filters).toEqual({ from: '2025-07-01', rootCause: ['hidden_decision'] })
    expect(v.interval).toBe('month')
    expect(v.ignored).toEqual(['q'])
  })

  it('asks for all time with no dates at all, grouped by month', () => {
    expect(view('range=all')).toMatchObject({ range: 'all', interval: 'month', filters: {} })
  })
})

describe('drill-down links', () => {
  it('clip a period to the chosen dates and add the mark’s own filters', () => {
    const href = drillHref(
      { from: '2026-04-10', to: '2026-06-30', status: ['open'] },
      { rootCause: ['hidden_decision'], period: { start: '2026-04-01', end: periodEnd('month', '2026-04-01') } },
    )
    expect(href).toBe('/incidents?from=2026-04-10&to=2026-04-30&status=open&rootCause=hidden_decision')
  })

  it('end a week on its Sunday and a month on its last day', () => {
    expect(periodEnd('week', '2026-06-29')).toBe('2026-07-05')
    expect(periodEnd('month', '2026-02-01')).toBe('2026-02-28')
  })
})

describe('CSV export', () => {
  it('writes hidden cells as words, never as 0, and quotes what needs quoting', () => {
    const table: TableSpec<{ team: string; n: number | null }> = {
      caption: 'x',
      columns: [
        { header: 'Team', value: (r) => r.team },
        { header: 'Incidents', value: (r) => (r.n === null ? FEWER_THAN_5 : r.n) },
      ],
      rows: [
        { team: 'Payments, API', n: 12 },
        { team: 'Tiny "team"', n: null },
      ],
      rowKey: (r) => r.team,
    }
    expect(toCsv(table)).toBe('Team,Incidents\r\n"Payments, API",12\r\n"Tiny ""team""",fewer than 5\r\n')
  })
})
