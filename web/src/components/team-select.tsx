import type { Team } from '@misalign/shared'
import type { ControlProps } from './field'

/** The one way to pick a team in a form: an empty first choice that asks, then the teams by name as given. */
export function TeamSelect({
  teams,
  value,
  onChange,
  prompt = 'Choose a team',
  ...control
}: ControlProps & { teams: readonly Team[]; value: string; onChange: (teamId: string) => void; prompt?: string }) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{prompt}</option>
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </select>
  )
}
