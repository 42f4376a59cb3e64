import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DecisionImportRequest, DecisionImportResult, fail } from '@misalign/shared'

/** A zip of an ADR folder, base64: about 7 MB of zip, far more than any ADR folder needs. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024

/** Strict base64 (a data: URL prefix allowed): Node's decoder would silently skip anything else. */
function zipBytes(encoded: string): Uint8Array {
  const bare = encoded.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '')
  if (bare.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(bare)) {
    throw fail.malformed('zip must be the zip file encoded as base64.', [{ field: 'zip', message: 'is not base64' }])
  }
  return Buffer.from(bare, 'base64')
}

const decisionImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { policy: 'decision.update' },
      schema: {
        tags: ['decisions'],
        operationId: 'importDecisionRecords',
        summary: 'Import Markdown ADRs (MADR, Nygard) as decisions',
        description:
          'Send the files as text, a base64 zip of the ADR folder, or both. dryRun: true answers what each file would become (create, update, unchanged, skip) with its problems, and writes nothing. A real run writes every file in one transaction, or nothing: any file with a problem answers 422 listing each file#field and why. Re-importing the same files updates the decisions they created (matched by owning team and path). Suggested tradeoffs are stored only for the paths in acceptTradeoffs. Zips are limited to 2,000 entries and 20 MB uncompressed; entries with absolute paths or ".." are refused. Needs the right to update the owning team\'s decisions (its leads, leaders, admins).',
        body: DecisionImportRequest,
        response: { 200: DecisionImportResult },
      },
    },
    async (req) => {
      const { zip, ...rest } = req.body
      return app.services.decisionImport.importAdrs(app.caller(req), {
        ...rest,
        ...(zip === undefined ? {} : { zip: zipBytes(zip) }),
      })
    },
  )
}
export default decisionImportRoutes
