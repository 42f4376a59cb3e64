import { lazy, Suspense } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { Loading } from '../components/feedback'
import HomeRoute from './routes/home'
import { NotFoundRoute } from './routes/not-found'
import { AppShell } from './shell'

// One chunk per screen: the report page, which most people see, downloads only what it uses.
const SignIn = lazy(() => import('./routes/sign-in'))
const Report = lazy(() => import('./routes/report'))
const Incidents = lazy(() => import('./routes/incidents'))
const IncidentDetail = lazy(() => import('./routes/incident'))
const Decisions = lazy(() => import('./routes/decisions'))
const DecisionDetail = lazy(() => import('./routes/decision'))
const DecisionImport = lazy(() => import('./routes/decision-import'))
const Strategies = lazy(() => import('./routes/strategies'))
const StrategyDetail = lazy(() => import('./routes/strategy'))
const StrategyGaps = lazy(() => import('./routes/strategy-gaps'))
const StrategyGapDetail = lazy(() => import('./routes/strategy-gap'))
const Teams = lazy(() => import('./routes/teams'))
const Integrations = lazy(() => import('./routes/integrations'))
const Webhooks = lazy(() => import('./routes/webhooks'))
const IncidentImport = lazy(() => import('./routes/incident-import'))
const Priorities = lazy(() => import('./routes/priorities'))
const Leadership = lazy(() => import('./routes/leadership'))
const LeadershipDecisions = lazy(() => import('./routes/leadership-decisions'))
const LeadershipCoverage = lazy(() => import('./routes/leadership-coverage'))
const Dashboard = lazy(() => import('./routes/dashboard'))
const Clusters = lazy(() => import('./routes/clusters'))
const ClusterDetail = lazy(() => import('./routes/cluster'))
const Retros = lazy(() => import('./routes/retros'))
const NewRetro = lazy(() => import('./routes/retro-new'))
const RetroDetail = lazy(() => import('./routes/retro'))
const Actions = lazy(() => import('./routes/actions'))
const Triage = lazy(() => import('./routes/triage'))
const MyReports = lazy(() => import('./routes/my-reports'))
const Glossary = lazy(() => import('./routes/glossary'))

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
      { index: true, element: <HomeRoute /> },
      { path: 'my-reports', element: <MyReports /> },
      { path: 'glossary', element: <Glossary /> },
      { path: 'report', element: <Report /> },
      { path: 'incidents', element: <Incidents /> },
      { path: 'incidents/:key', element: <IncidentDetail /> },
      { path: 'decisions', element: <Decisions /> },
      { path: 'decisions/import', element: <DecisionImport /> },
      { path: 'decisions/:id', element: <DecisionDetail /> },
      { path: 'strategies', element: <Strategies /> },
      { path: 'strategies/:id', element: <StrategyDetail /> },
      { path: 'strategy-gaps', element: <StrategyGaps /> },
      { path: 'strategy-gaps/:id', element: <StrategyGapDetail /> },
      { path: 'teams', element: <Teams /> },
      { path: 'admin/integrations', element: <Integrations /> },
      { path: 'admin/webhooks', element: <Webhooks /> },
      { path: 'admin/import', element: <IncidentImport /> },
      { path: 'priorities', element: <Priorities /> },
      { path: 'leadership', element: <Leadership /> },
      { path: 'leadership/decisions', element: <LeadershipDecisions /> },
      { path: 'leadership/coverage', element: <LeadershipCoverage /> },
      { path: 'dashboard', element: <Dashboard /> },
      { path: 'clusters', element: <Clusters /> },
      { path: 'clusters/:id', element: <ClusterDetail /> },
      { path: 'retros', element: <Retros /> },
      { path: 'retros/new', element: <NewRetro /> },
      { path: 'retros/:id', element: <RetroDetail /> },
      { path: 'actions', element: <Actions /> },
      { path: 'triage', element: <Triage /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
])

export function AppRouter() {
  return <RouterProvider router={router} />
}
