import { type ReactNode, useState } from 'react'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { TableScroll } from '../../../components/table-scroll'
import { type CellValue, cellText, downloadCsv, type TableSpec, toCsv } from '../table'

interface ChartCardProps<R> {
  /** Names the card in ids, in the CSV file name and in `data-chart` for tests. */
  id: string
  title: string
  /** What is counted, in plain words. */
  description: ReactNode
  query: { isPending: boolean; error: unknown }
  isEmpty: boolean
  emptyText?: string
  table: TableSpec<R> | undefined
  chart: () => ReactNode
  /** What the drill-down can and cannot show, said rather than linking to a wrong list. */
  note?: ReactNode
  fileSuffix: string
  className?: string
  children?: ReactNode
}

/**
 * The frame every chart shares: a heading that says what is counted, a Chart/Table switch (the
 * table is the chart's text alternative, copyable), a CSV download, and loading, error and
 * empty states. `data-state` tells tests when the chart has been drawn.
 */
export function ChartCard<R>(props: ChartCardProps<R>) {
  const { id, title, description, query, isEmpty, table, note } = props
  const [view, setView] = useState<'chart' | 'table'>('chart')
  const state = query.isPending ? 'loading' : query.error ? 'error' : isEmpty ? 'empty' : 'drawn'
  const titleId = `${id}-title`

  let body: ReactNode
  if (state === 'loading') body = <Loading label={`Loading ${title.toLowerCase()}`} />
  else if (state === 'error') body = <ProblemMessage error={query.error} title={`${title} could not be loaded.`} />
  else if (state === 'empty')
    body = (
      <EmptyState>
        <p>{props.emptyText ?? 'No incidents match these filters in this period. Widen the dates or clear a filter.'}</p>
      </EmptyState>
    )
  else body = view === 'table' && table ? <DataTable table={table} /> : props.chart()

  return (
    <section className={`card chart-card ${props.className ?? ''}`} aria-labelledby={titleId} data-chart={id} data-state={state}>
      <div className="chart-head">
        <h2 id={titleId}>{title}</h2>
        {state === 'drawn' && table && (
          <div className="chart-tools">
            <fieldset className="view-switch">
              <legend className="visually-hidden">Show {title.toLowerCase()} as</legend>
              {(['chart', 'table'] as const).map((v) => (
                <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
                  {v === 'chart' ? 'Chart' : 'Table'}
                </button>
              ))}
            </fieldset>
            <button
              type="button"
              className="button-secondary"
              onClick={() => downloadCsv(`${id}-${props.fileSuffix}.csv`, toCsv(table))}
            >
              Download CSV<span className="visually-hidden"> of {title.toLowerCase()}</span>
            </button>
          </div>
        )}
      </div>
      <p className="hint chart-description">{description}</p>
      {props.children}
      {body}
      {note && state === 'drawn' && <p className="chart-note">{note}</p>}
    </section>
  )
}

function Cell({ value, href }: { value: CellValue; href: string | undefined }) {
  const text = cellText(value)
  return href ? <Link to={href}>{text}</Link> : text
}

/** A real table: first column as row headers, numbers right-aligned, links to the incidents behind a cell. */
export function DataTable<R>({ table }: { table: TableSpec<R> }) {
  const [first, ...rest] = table.columns
  if (!first) return null
  return (
    <TableScroll label={table.caption}>
      <table className="data-table">
        <caption className="visually-hidden">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.header} scope="col" className={c.isNumeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={table.rowKey(row)}>
              <th scope="row">
                <Cell value={first.value(row)} href={first.href?.(row)} />
              </th>
              {rest.map((c) => (
                <td key={c.header} className={c.isNumeric ? 'numeric' : undefined}>
                  <Cell value={c.value(row)} href={c.href?.(row)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
