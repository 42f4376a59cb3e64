import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ClusterChanges,
  ClusterDetail,
  ClusterEditParams,
  ClusterList,
  ClusterListQuery,
  ClusterMemberBody,
  ClusterMemberParams,
  ClusterMergeBody,
  ClusterSplitBody,
  ClusterStatusChanges,
  ClusterStatusResult,
  IdParams,
  RecomputeResult,
} from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'

const tags = ['clusters']

/**
 * Suggested and confirmed clusters of related incidents, and people's edits of them. Sizes,
 * harm, signals and explanations count only incidents the caller may see.
 */
const clusterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const clusters = app.services.clusters

  app.get(
    '/',
    {
      config: { policy: 'cluster.read' },
      schema: {
        tags,
        operationId: 'listClusters',
        summary: 'List clusters, most weighted harm first',
        description: 'Sizes and weighted harm count only the incidents you may see.',
        querystring: ClusterListQuery,
        response: { 200: ClusterList },
      },
    },
    async (req) => clusters.list(app.caller(req), req.query),
  )

  app.post(
    '/status',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'setClusterStatuses',
        summary: 'Confirm or dismiss many clusters at once',
        description:
          'Each cluster is given with the version you saw. All change or none does: a stale version answers 412, an unknown cluster 404, one already in that status 409. Each change is logged and can be reverted like a single one.',
        body: ClusterStatusChanges,
        response: { 200: ClusterStatusResult },
      },
    },
    async (req) => clusters.setStatuses(app.caller(req), req.body),
  )

  app.post(
    '/recompute',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'recomputeClusters',
        summary: 'Run the clustering engine over every incident',
        description:
          'Suggestions are rebuilt; confirmed and dismissed clusters, renames and manual members stay as people left them.',
        response: { 200: RecomputeResult },
      },
    },
    async (req) => clusters.recompute(app.caller(req)),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'cluster.read' },
      schema: {
        tags,
        operationId: 'getCluster',
        summary: 'Read a cluster: members in discovery order, why they belong together, and its edit log',
        description: 'Only the members you may see. Answers an ETag: send it as If-Match to change the cluster.',
        params: IdParams,
        response: { 200: ClusterDetail },
      },
    },
    async (req, reply) => {
      const cluster = await clusters.find(app.caller(req), req.params.id)
      return reply.header('etag', etagOf(cluster.version)).send(cluster)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'updateCluster',
        summary: 'Rename, confirm, dismiss or restore a cluster (needs If-Match)',
        description:
          'Leads, leaders and admins. Send the ETag you read as If-Match; each change goes to the cluster’s edit log and can be reverted.',
        params: IdParams,
        body: ClusterChanges,
        response: { 200: ClusterDetail },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'cluster')
      const cluster = await clusters.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(cluster.version)).send(cluster)
    },
  )

  app.post(
    '/:id/members',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'addClusterMember',
        summary: 'Add an incident to a cluster',
        description:
          'Leads, leaders and admins. Logged as an edit that can be reverted; the engine keeps a member added by hand.',
        params: IdParams,
        body: ClusterMemberBody,
        response: { 200: ClusterDetail },
      },
    },
    async (req) => clusters.addMember(app.caller(req), req.params.id, req.body.incidentId),
  )

  app.delete(
    '/:id/members/:incidentId',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'removeClusterMember',
        summary: 'Take an incident out of a cluster; the engine will not put it back',
        description: 'Leads, leaders and admins. Logged as an edit that can be reverted.',
        params: ClusterMemberParams,
        response: { 200: ClusterDetail },
      },
    },
    async (req) => clusters.removeMember(app.caller(req), req.params.id, req.params.incidentId),
  )

  app.post(
    '/:id/merge',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'mergeCluster',
        summary: 'Merge this cluster into another; answers with the other cluster',
        description: 'Leads, leaders and admins. Logged as an edit that can be reverted.',
        params: IdParams,
        body: ClusterMergeBody,
        response: { 200: ClusterDetail },
      },
    },
    async (req) => clusters.merge(app.caller(req), req.params.id, req.body.intoClusterId),
  )

  app.post(
    '/:id/split',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'splitCluster',
        summary: 'Split the chosen incidents off into a new cluster; answers with the new cluster',
        description: 'Leads, leaders and admins. Logged as an edit that can be reverted.',
        params: IdParams,
        body: ClusterSplitBody,
        response: { 201: ClusterDetail },
      },
    },
    async (req, reply) => {
      const cluster = await clusters.split(app.caller(req), req.params.id, req.body.incidentIds, req.body.title)
      return reply.code(201).header('location', `/api/v1/clusters/${cluster.id}`).send(cluster)
    },
  )

  app.post(
    '/:id/edits/:editId/revert',
    {
      config: { policy: 'cluster.edit' },
      schema: {
        tags,
        operationId: 'revertClusterEdit',
        summary: 'Undo one edit from the cluster’s log',
        description: 'Leads, leaders and admins. The revert is itself logged.',
        params: ClusterEditParams,
        response: { 200: ClusterDetail },
      },
    },
    async (req) => clusters.revert(app.caller(req), req.params.id, req.params.editId),
  )
}
export default clusterRoutes
