import { Navigate } from 'react-router'
import { useUser } from '../../lib/session'
import { homePathFor } from '../navigation'

/** "/" is each role's own starting screen (see `homePathFor`). */
export default function HomeRoute() {
  return <Navigate to={homePathFor(useUser())} replace />
}
