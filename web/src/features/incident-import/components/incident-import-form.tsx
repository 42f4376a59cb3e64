import type { IncidentImportFormat, IncidentImportResult } from '@misalign/shared'
import { type ChangeEvent, type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { TableScroll } from '../../../components/table-scroll'
import { useImportIncidents } from '../api/import-incidents'

/** A page of bad rows at a time: the answer lists up to 1,000, and a phone shows a few at once. */
const PAGE = 25

function formatOf(file: File): IncidentImportFormat | undefined {
  const extension = file.name.split('.').pop()?.toLowerCase()
  if (extension === 'csv') return 'csv'
  if (extension === 'json') return 'json'
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson'
  return undefined
}

const plural = (count: number, word: string) => `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`

function Counts({ result }: { result: IncidentImportResult }) {
  const { create, update, unchanged, error } = result.counts
  const verb = result.dryRun ? 'would be' : 'were'
  return (
    <section className="card" aria-label="What the file would do">
      <dl className="import-counts">
        <div>
          <dt>New</dt>
          <dd>{create.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{update.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{unchanged.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Cannot import</dt>
          <dd>{error.toLocaleString()}</dd>
        </div>
      </dl>
      <p className="hint">
        Of {plural(result.rows, 'row')}: {create.toLocaleString()} {verb} created, {update.toLocaleString()} {verb} updated.
      </p>
    </section>
  )
}

function BadRows({ result }: { result: IncidentImportResult }) {
  const [page, setPage] = useState(0)
  const rows = result.problems.slice(page * PAGE, (page + 1) * PAGE)
  const pages = Math.ceil(result.problems.length / PAGE)
  const where = result.locator === 'line' ? 'Line' : 'Item'
  return (
    <section className="card" aria-labelledby="bad-rows-heading">
      <h2 id="bad-rows-heading">Rows that cannot be imported</h2>
      <p>
        {plural(result.problemTotal, 'problem')} in {plural(result.counts.error, 'row')}
        {result.problemTotal > result.problems.length ? `; the first ${result.problems.length.toLocaleString()} are listed` : ''}.
      </p>
      <TableScroll label="Problems by row">
        <table>
          <thead>
            <tr>
              <th scope="col">{where}</th>
              <th scope="col">External id</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((problem) => (
              <tr key={`${problem.line}:${problem.field}`}>
                <td>{problem.line}</td>
                <td>{problem.externalId ?? '—'}</td>
                <td>
                  <code>{problem.field}</code>
                </td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 && (
        <div className="actions">
          <button type="button" className="button-secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" className="button-secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </div>
      )}
    </section>
  )
}

/** Pick a file, see what it would do, then import it: the same rules as the API and the CLI (ADR 041). */
export function IncidentImportForm() {
  const preview = useImportIncidents()
  const run = useImportIncidents()
  const [file, setFile] = useState<File | undefined>()
  const [formError, setFormError] = useState('')
  const [sent, setSent] = useState<number | undefined>()

  function pick(event: ChangeEvent<HTMLInputElement>) {
    preview.reset()
    run.reset()
    setFormError('')
    setFile(event.target.files?.[0])
  }

  function send(dryRun: boolean) {
    if (!file) return setFormError('Choose a CSV, JSON or NDJSON file.')
    const format = formatOf(file)
    if (!format) return setFormError(`${file.name} is not a .csv, .json or .ndjson file.`)
    setFormError('')
    setSent(0)
    const mutation = dryRun ? preview : run
    mutation.mutate({ file, format, dryRun, onProgress: setSent }, { onSettled: () => setSent(undefined) })
  }

  function showPreview(event: FormEvent) {
    event.preventDefault()
    run.reset()
    send(true)
  }

  const result = preview.data
  const importable = result ? result.counts.create + result.counts.update : 0
  const blocked = result ? result.counts.error > 0 : true

  return (
    <>
      <form className="card" onSubmit={showPreview} aria-labelledby="incident-import-heading" noValidate>
        <h2 id="incident-import-heading">File</h2>
        {formError && (
          <p className="field-error" role="alert">
            {formError}
          </p>
        )}
        <Field
          id="incident-import-file"
          label="CSV, JSON or NDJSON file"
          hint="A header row naming the columns (an incident export works as it is); UTF-8; up to 100 MB."
        >
          {(c) => <input {...c} type="file" accept=".csv,.json,.ndjson,.jsonl,text/csv,application/json" onChange={pick} />}
        </Field>
        {sent !== undefined && (
          <p>
            <label htmlFor="incident-import-progress">{sent < 1 ? 'Sending the file' : 'Checking the rows'}</label>{' '}
            <progress id="incident-import-progress" max={1} value={sent < 1 ? sent : undefined} />
          </p>
        )}
        <ProblemMessage error={preview.error} title="No preview." />
        <div className="actions">
          <button type="submit" className="button-secondary" disabled={preview.isPending || run.isPending}>
            {preview.isPending ? 'Reading…' : 'Preview'}
          </button>
        </div>
      </form>

      {result && !run.data && (
        <>
          <Counts result={result} />
          {result.problemTotal > 0 && <BadRows result={result} />}
          <ProblemMessage error={run.error} title="Nothing was imported." />
          {blocked && (
            <Notice tone="warning">Fix the rows that cannot be imported, or leave them out, then preview again.</Notice>
          )}
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              disabled={blocked || importable === 0 || run.isPending}
              onClick={() => send(false)}
            >
              {run.isPending ? 'Importing…' : `Import ${plural(importable, 'incident')}`}
            </button>
          </div>
        </>
      )}

      {run.data && (
        <Notice tone="success">
          Imported: {run.data.counts.create.toLocaleString()} new, {run.data.counts.update.toLocaleString()} updated,{' '}
          {run.data.counts.unchanged.toLocaleString()} unchanged. <Link to="/incidents">See the incidents</Link>
        </Notice>
      )}
    </>
  )
}
