import { type ExportFormat, exportFormats } from '@misalign/shared'
import { toQuery } from '../lib/api'

const formatLabels: Record<ExportFormat, string> = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON' }

/**
 * "Export" with a link per format, carrying the list's current filters (ADR 038): the file holds
 * every page of what the list shows, not only the page on screen. Plain links, so the browser
 * downloads the stream itself with the session cookie and nothing is held in the page.
 */
export function ExportLinks({ path, filters, noun }: { path: string; filters: Parameters<typeof toQuery>[0]; noun: string }) {
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <ul aria-label={`Export these ${noun}`}>
        {exportFormats.map((format) => (
          <li key={format}>
            <a href={`/api/v1${path}/export${toQuery({ ...filters, format })}`} download>
              {formatLabels[format]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  )
}
