import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AnalyticsIntervalQuery,
  AnalyticsQuery,
  AnalyticsTopQuery,
  DecisionClassBreakdown,
  DiscoveryLag,
  HarmBreakdown,
  Headline,
  RemediationMix,
  TeamMatrix,
  TopDecisions,
  TopGaps,
  Trends,
  WEIGHTED_HARM_EXPLANATION,
} from '@misalign/shared'

const filtersNote =
  'Takes the incident list’s filters. Restricted incidents you may not see are not counted; a small team’s anonymous reports count under its parent team.'
const schema = { tags: ['analytics'] }

/** The dashboard's read models. Handlers only pass the caller on: visibility is applied in SQL. */
const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const analytics = app.services.analytics
  const config = { policy: 'incident.read' } as const

  app.get(
    '/trends',
    {
      config,
      schema: {
        ...schema,
        operationId: 'getAnalyticsTrends',
        summary: 'Incidents and weighted harm per week or month, by root cause, beside decisions recorded',
        description: `${WEIGHTED_HARM_EXPLANATION}. Decisions recorded in each period and incidents per decision are shown beside the counts, because fewer incidents can also mean teams stopped deciding. ${filtersNote}`,
        querystring: AnalyticsIntervalQuery,
        response: { 200: Trends },
      },
    },
    async (req) => analytics.trends(app.caller(req), req.query),
  )

  app.get(
    '/headline',
    {
      config,
      schema: {
        ...schema,
        operationId: 'getAnalyticsHeadline',
        summary: 'Headline numbers against the previous period, and the largest rises and falls in weighted harm',
        description: `The window is from–to (default: the last 90 days, as the dashboard shows); the previous period is the same number of days just before it. Untriaged = status \`open\`. The median discovery lag is the /discovery-lag bucket holding the median incident traced to a recorded decision. "What changed" ranks team pairs, decisions and root causes by the change in weighted harm; a team pair is listed only when both its counts are 0 or at least 5. ${WEIGHTED_HARM_EXPLANATION}. ${filtersNote}`,
        querystring: AnalyticsQuery,
        response: { 200: Headline },
      },
    },
    async (req) => analytics.headline(app.caller(req), req.query),
  )

  app.get(
    '/team-matrix',
    {
      config,
      schema: {
        ...schema,
        operationId: 'getTeamMatrix',
        summary: 'Decision-owning team × harmed (reporting) team: incidents and weighted harm',
        description: `Cells under 5 incidents are hidden (with complementary cells per harmed team). ${WEIGHTED_HARM_EXPLANATION}. ${filtersNote}`,
        querystring: AnalyticsQuery,
        response: { 200: TeamMatrix },
      },
    },
    async (req) => analytics.teamMatrix(app.caller(req), req.query),
  )

  app.get(
    '/discovery-lag',
    {
      config,
      schema: {
        ...schema,
        operationId: 'getDiscoveryLag',
        summary: 'How late decisions are discovered: days from decision to discovery, by discovery channel',
        description: filtersNote,
        querystring: AnalyticsQuery,
        response: { 200: DiscoveryLag },
      },
    },
    async (req) => analytics.discoveryLag(app.caller(req), req.query),
  )

  app.get(
    '/harm',
    {
      config,
      schema: {
        ...schema,
        operationId: 'getHarmBreakdown',
        summary: 'Harm by harmed team and by harm kind, with engineer-days lost and delay days',
        description: `Teams under 5 incidents are hidden (with complementary cells). ${WEIGHTED_HARM_EXPLANATION}. ${filtersNote}`,
        querystring: AnalyticsQuery,
        response: { 200: HarmBreakdown },
      },
    },
    async (req) => analytics.harm(app.caller(req), req.query),
  )

  app.get(
    '/top-decisions',
    {
      config,
      schema: {
        ...schema,
        operationId: 'listTopDecisions',
        summary: 'Decisions ranked by weighted harm, with teams affected and recurrence',
        description: `${WEIGHTED_HARM_EXPLANATION}. ${filtersNote}`,
        querystring: AnalyticsTopQuery,
        response: { 200: TopDecisions },
      },
    },
    async (req) => analytics.topDecisions(app.caller(req), req.query),
  )

  app.get(
    '/top-strategy-gaps',
    {
      config,
      schema: {
        ...schema,
        operationId: 'listTopStrategyGaps',
        summary: 'Strategy gaps ranked by weighted harm, with teams affected and recurrence',
        description: `${WEIGHTED_HARM_EXPLANATION}. ${filtersNote}`,
        querystring: AnalyticsTopQuery,
        response: { 200: TopGaps },
      },
    },
    async (req) => analytics.topGaps(app.caller(req), req.query),
  )

  app.get(
    '/remediation-mix',
    {
      config,
      schema: {
        ...schema,
        operationId: 'getRemediationMix',
        summary: 'Retro actions per period: alignment (sharing context) vs anti-misalignment (adding control)',
        description:
          'The date range applies to when actions were recorded; other filters keep actions of retros on clusters holding a matching incident.',
        querystring: AnalyticsIntervalQuery,
        response: { 200: RemediationMix },
      },
    },
    async (req) => analytics.remediationMix(app.caller(req), req.query),
  )

  app.get(
    '/decision-classes',
    {
      config,
      schema: {
        ...schema,
        operationId: 'getDecisionClasses',
        summary: 'Incidents traced to agreements (no tradeoff) vs strategy-bearing decisions',
        description: `${WEIGHTED_HARM_EXPLANATION}. ${filtersNote}`,
        querystring: AnalyticsQuery,
        response: { 200: DecisionClassBreakdown },
      },
    },
    async (req) => analytics.decisionClasses(app.caller(req), req.query),
  )
}
export default analyticsRoutes
