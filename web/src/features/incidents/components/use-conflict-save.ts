import type { Incident, IncidentChanges } from '@misalign/shared'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from '../../../lib/api'
import { incidentOptions, useUpdateIncident } from '../api/incidents'

export const editableFields = [
  'title',
  'narrative',
  'status',
  'restricted',
  'expected',
  'surprise',
  'harmedGoal',
  'harm',
  'missingContext',
  'rootCause',
  'gapId',
  'decisionId',
] as const
export type EditableField = (typeof editableFields)[number]
export type EditValues = Pick<Incident, EditableField>

export const valuesOf = (incident: Incident): EditValues =>
  Object.fromEntries(editableFields.map((f) => [f, incident[f]])) as EditValues

export interface Conflict {
  /** Fields someone else changed since the form was loaded. */
  theirs: EditableField[]
  /** Of those, the ones this person also changed: their value is kept in the form. */
  both: EditableField[]
}

/**
 * Saves only what changed, against the version the form was loaded from. On 412 it loads the
 * latest version and rebases the form: fields only the other person changed take their value,
 * fields this person changed keep theirs, and the conflict says which were which.
 */
export function useConflictSave(key: string, incident: Incident) {
  const client = useQueryClient()
  const update = useUpdateIncident(key)
  const [base, setBase] = useState(incident)
  const [values, setValues] = useState<EditValues>(() => valuesOf(incident))
  const [conflict, setConflict] = useState<Conflict | null>(null)

  const changes = Object.fromEntries(
    editableFields.filter((f) => values[f] !== base[f]).map((f) => [f, values[f]]),
  ) as IncidentChanges

  async function save(): Promise<Incident | null> {
    setConflict(null)
    try {
      const saved = await update.mutateAsync({ changes, version: base.version })
      setBase(saved)
      setValues(valuesOf(saved))
      return saved
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 412)) return null
      const fresh = await client.fetchQuery({ ...incidentOptions(key), staleTime: 0 })
      const theirs = editableFields.filter((f) => fresh[f] !== base[f])
      const both = theirs.filter((f) => values[f] !== base[f])
      setValues((current) => {
        const next = { ...current }
        for (const f of theirs) if (!both.includes(f)) (next as Record<string, unknown>)[f] = fresh[f]
        return next
      })
      setBase(fresh)
      setConflict({ theirs, both })
      return null
    }
  }

  const set = <F extends EditableField>(field: F, value: EditValues[F]) => setValues((v) => ({ ...v, [field]: value }))
  return { values, set, changes, save, conflict, base, error: update.error, isPending: update.isPending, reset: update.reset }
}
