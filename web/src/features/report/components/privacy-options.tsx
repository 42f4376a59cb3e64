import { MIN_ANONYMITY_GROUP, type Team } from '@misalign/shared'

interface PrivacyOptionsProps {
  anonymous: boolean
  restricted: boolean
  onChange: (changes: { anonymous?: boolean; restricted?: boolean }) => void
  team: Team | undefined
  parent: Team | undefined
}

/** Says exactly what others will and will not see, so choosing anonymity is an informed choice. */
export function PrivacyOptions({ anonymous, restricted, onChange, team, parent }: PrivacyOptionsProps) {
  const teamName = team?.name ?? 'your team'
  return (
    <fieldset className="privacy">
      <legend>Who sees this report</legend>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => onChange({ anonymous: e.target.checked })} />
        <span>File anonymously</span>
      </label>
      {anonymous && (
        <div className="privacy-explainer" aria-live="polite">
          <div>
            <p className="privacy-heading">Others will see</p>
            <ul>
              <li>everything you write in this report</li>
              <li>the day it was filed</li>
              <li>
                {teamName} as the reporting team, or {parent?.name ?? 'its parent team'} if {teamName} has fewer than{' '}
                {MIN_ANONYMITY_GROUP} people
              </li>
            </ul>
          </div>
          <div>
            <p className="privacy-heading">Others will not see</p>
            <ul>
              <li>your name, in the report or the audit log</li>
              <li>the time of day you filed it</li>
            </ul>
          </div>
          <p className="hint">You will still see it as yours. Leave out details in your text that would name you.</p>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={restricted} onChange={(e) => onChange({ restricted: e.target.checked })} />
        <span>Only my team can see it</span>
      </label>
      <p className="hint">
        {restricted
          ? `Visible to members of ${teamName}, and to leaders and admins. Nobody else will know it exists.`
          : 'Visible to everyone in the organisation, so the teams involved can learn from it.'}
      </p>
    </fieldset>
  )
}
