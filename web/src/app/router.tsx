import { lazy, Suspense } from 'react'
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router'
import { Loading } from '../components/feedback'
import { NotFoundRoute } from './routes/not-found'
import { AppShell } from './shell'

// One chunk per screen: the report page, which most people see, downloads only what it uses.
const SignIn = lazy(() => import('./routes/sign-in'))
const Report = lazy(() => import('./routes/report'))
const Incidents = lazy(() => import('./routes/incidents'))
const IncidentDetail = lazy(() => import('./routes/incident'))
const Decisions = lazy(() => import('./routes/decisions'))
const DecisionDetail = lazy(() => import('./routes/decision'))
const Strategies = lazy(() => import('./routes/strategies'))
const StrategyDetail = lazy(() => import('./routes/strategy'))
const StrategyGaps = lazy(() => import('./routes/strategy-gaps'))
const StrategyGapDetail = lazy(() => import('./routes/strategy-gap'))
const Teams = lazy(() => import('./routes/teams'))

const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<Loading label="Opening sign-in" />}>
        <SignIn />
      </Suspense>
    ),
  },
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/report" replace /> },
      { path: 'report', element: <Report /> },
      { path: 'incidents', element: <Incidents /> },
      { path: 'incidents/:key', element: <IncidentDetail /> },
      { path: 'decisions', element: <Decisions /> },
      { path: 'decisions/:id', element: <DecisionDetail /> },
      { path: 'strategies', element: <Strategies /> },
      { path: 'strategies/:id', element: <StrategyDetail /> },
      { path: 'strategy-gaps', element: <StrategyGaps /> },
      { path: 'strategy-gaps/:id', element: <StrategyGapDetail /> },
      { path: 'teams', element: <Teams /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
])

export function AppRouter() {
  return <RouterProvider router={router} />
}
