import type { DecisionImportRequest, DecisionImportResult, DecisionImportRow, Team } from '@misalign/shared'
import { type ChangeEvent, type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { TableScroll } from '../../../components/table-scroll'
import { TeamSelect } from '../../../components/team-select'
import { formatDay } from '../../../lib/labels'
import { useImportDecisions } from '../api/import-decisions'
import { type PickedFiles, readPicked } from '../read-files'

const nothingPicked: PickedFiles = { files: [], unreadable: [] }

/** Chromium, Firefox and Safari all pick a whole folder with this non-standard attribute. */
const pickFolder = { webkitdirectory: '' } as Record<string, string>

const actionLabels: Record<DecisionImportRow['action'], string> = {
  create: 'New',
  update: 'Update',
  unchanged: 'Unchanged',
  skip: 'Skipped',
  error: 'Cannot import',
}
const actionTones: Record<DecisionImportRow['action'], string> = {
  create: 'good',
  update: 'accent',
  unchanged: 'neutral',
  skip: 'neutral',
  error: 'danger',
}

function PreviewRow({ row, accepted, onAccept }: { row: DecisionImportRow; accepted: boolean; onAccept: (on: boolean) => void }) {
  const checkboxId = `tradeoff-${row.path}`
  return (
    <tr>
      <td>
        <code>{row.relativePath}</code>
      </td>
      <th scope="row">{row.title || '—'}</th>
      <td>{row.status ?? row.adrStatus ?? '—'}</td>
      <td>{row.decidedAt ? formatDay(row.decidedAt) : '—'}</td>
      <td>
        <Badge tone={actionTones[row.action]}>{actionLabels[row.action]}</Badge>
      </td>
      <td>
        {row.skipReason && <p>{row.skipReason}</p>}
        {row.problems.length > 0 && (
          <ul className="field-error">
            {row.problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                {p.field}: {p.message}
              </li>
            ))}
          </ul>
        )}
        {row.notes.length > 0 && (
          <ul className="hint">
            {row.notes.map((n) => (
              <li key={`${n.field}:${n.message}`}>{n.message}</li>
            ))}
          </ul>
        )}
        {row.suggestedTradeoff && row.action !== 'skip' && (
          <div>
            <p>
              We prefer <strong>{row.suggestedTradeoff.prefer}</strong> over <strong>{row.suggestedTradeoff.over}</strong>, for{' '}
              {row.suggestedTradeoff.forGoal}.
            </p>
            <label className="checkbox-inline" htmlFor={checkboxId}>
              <input id={checkboxId} type="checkbox" checked={accepted} onChange={(e) => onAccept(e.target.checked)} /> Use this
              tradeoff
            </label>
          </div>
        )}
      </td>
    </tr>
  )
}

function Preview({
  result,
  accepted,
  onAccept,
}: {
  result: DecisionImportResult
  accepted: Set<string>
  onAccept: (path: string, on: boolean) => void
}) {
  const { create, update, unchanged, skip, error } = result.counts
  return (
    <section className="card" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">Preview</h2>
      <p>
        {create} new, {update} to update, {unchanged} unchanged, {skip} skipped, {error} with problems. Suggested tradeoffs are
        stored only where you tick “Use this tradeoff”.
      </p>
      <TableScroll label="What each file would become">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Decided</th>
              <th scope="col">Import</th>
              <th scope="col">Problems and tradeoff</th>
            </tr>
          </thead>
          <tbody>
            {result.files.map((row) => (
              <PreviewRow key={row.path} row={row} accepted={accepted.has(row.path)} onAccept={(on) => onAccept(row.path, on)} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  )
}

/**
 * Import ADRs: pick the team and the files, read the preview (a dry run), tick the tradeoffs a
 * person stands behind, then import all of it at once (docs/decisions/039).
 */
export function DecisionImportForm({ teams }: { teams: readonly Team[] }) {
  const [teamId, setTeamId] = useState('')
  const [linkBase, setLinkBase] = useState('')
  const [picked, setPicked] = useState<PickedFiles>(nothingPicked)
  const [accepted, setAccepted] = useState<Set<string>>(new Set())
  const [formError, setFormError] = useState('')
  const preview = useImportDecisions()
  const run = useImportDecisions()

  const requestOf = (dryRun: boolean): DecisionImportRequest => ({
    owningTeamId: teamId,
    dryRun,
    ...(linkBase.trim() ? { linkBase: linkBase.trim() } : {}),
    ...(picked.files.length > 0 ? { files: picked.files } : {}),
    ...(picked.zip ? { zip: picked.zip.base64 } : {}),
    ...(dryRun ? {} : { acceptTradeoffs: [...accepted] }),
  })

  const startOver = () => {
    preview.reset()
    run.reset()
    setAccepted(new Set())
  }

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const list = event.target.files
    if (!list) return
    startOver()
    setPicked(await readPicked(list))
  }

  function showPreview(event: FormEvent) {
    event.preventDefault()
    run.reset()
    if (!teamId) return setFormError('Choose the team that owns these decisions.')
    if (picked.files.length === 0 && !picked.zip) return setFormError('Choose the ADR files, their folder, or a zip of it.')
    setFormError('')
    preview.mutate(requestOf(true))
  }

  const result = preview.data
  const importable = result ? result.counts.create + result.counts.update : 0
  const blocked = result ? result.counts.error > 0 : true
  const pickedCount = picked.files.length + (picked.zip ? 1 : 0)

  return (
    <>
      <form className="card" onSubmit={showPreview} aria-labelledby="import-form-heading" noValidate>
        <h2 id="import-form-heading">ADR files</h2>
        {formError && (
          <p className="field-error" role="alert">
            {formError}
          </p>
        )}
        <Field id="import-team" label="Owning team">
          {(c) => (
            <TeamSelect
              {...c}
              teams={teams}
              value={teamId}
              onChange={(id) => {
                startOver()
                setTeamId(id)
              }}
            />
          )}
        </Field>
        <Field id="import-files" label="Markdown files or a zip" hint="MADR, Nygard (adr-tools) or log4brains records.">
          {(c) => <input {...c} type="file" multiple accept=".md,.markdown,.zip,text/markdown,application/zip" onChange={pick} />}
        </Field>
        <Field id="import-folder" label="Or a whole folder" hint="Its .md files, in every sub-folder.">
          {(c) => <input {...c} type="file" multiple {...pickFolder} onChange={pick} />}
        </Field>
        {pickedCount > 0 && (
          <p>
            {picked.files.length} Markdown file{picked.files.length === 1 ? '' : 's'}
            {picked.zip ? ` and ${picked.zip.name}` : ''} chosen.
          </p>
        )}
        {picked.unreadable.length > 0 && (
          <p className="field-error" role="alert">
            Not UTF-8 text, left out: {picked.unreadable.join(', ')}. Save them as UTF-8 and choose them again.
          </p>
        )}
        <Field
          id="import-link-base"
          label="Where the files can be read"
          optional
          hint={
            <>
              Each decision links here plus its file name, e.g.{' '}
              {/* A URL has no spaces to wrap at: let it break anywhere rather than widen a phone screen. */}
              <code style={{ overflowWrap: 'anywhere' }}>https://github.com/org/repo/blob/main/docs/adr/</code>
            </>
          }
        >
          {(c) => (
            <input
              {...c}
              type="url"
              value={linkBase}
              onChange={(e) => {
                startOver()
                setLinkBase(e.target.value)
              }}
            />
          )}
        </Field>
        <ProblemMessage error={preview.error} title="No preview." />
        <div className="actions">
          <button type="submit" className="button-secondary" disabled={preview.isPending}>
            {preview.isPending ? 'Reading…' : 'Preview'}
          </button>
        </div>
      </form>

      {result && !run.data && (
        <>
          <Preview
            result={result}
            accepted={accepted}
            onAccept={(path, on) => {
              const next = new Set(accepted)
              if (on) next.add(path)
              else next.delete(path)
              setAccepted(next)
            }}
          />
          <ProblemMessage error={run.error} title="Nothing was imported." />
          {blocked && (
            <Notice tone="warning">Fix the files that cannot be imported, or leave them out, then preview again.</Notice>
          )}
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              disabled={blocked || importable === 0 || run.isPending}
              onClick={() => run.mutate(requestOf(false))}
            >
              {run.isPending ? 'Importing…' : `Import ${importable} decision${importable === 1 ? '' : 's'}`}
            </button>
          </div>
        </>
      )}

      {run.data && (
        <Notice tone="success">
          Imported: {run.data.counts.create} new, {run.data.counts.update} updated, {run.data.counts.unchanged} unchanged,{' '}
          {run.data.counts.skip} skipped. <Link to="/decisions">See the decisions</Link>
        </Notice>
      )}
    </>
  )
}
