import { NavLink } from 'react-router'
import { useReviewWindow } from './review-window'

const views = [
  { to: '/leadership', label: 'Review' },
  { to: '/leadership/decisions', label: 'Decisions' },
  { to: '/leadership/coverage', label: 'Coverage and good news' },
]

/** The leadership sub-views, keeping the chosen window as the reader moves between them. */
export function LeadershipNav() {
  const [window] = useReviewWindow()
  const search = new URLSearchParams(window as Record<string, string>).toString()
  return (
    <nav aria-label="Leadership views" className="leadership-nav">
      <ul>
        {views.map((v) => (
          <li key={v.to}>
            <NavLink to={`${v.to}${search ? `?${search}` : ''}`} end>
              {v.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
