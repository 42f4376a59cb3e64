import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LanguageCheckRequest, LanguageCheckResult } from '@misalign/shared'

/**
 * POST /api/v1/language-check: the report form's language check, for integrations and scripts
 * (a Slack modal, a pre-commit hook on ADRs). It reads and writes nothing stored, so it is not
 * audited; it is a POST only because the text can be long. See docs/decisions/016.
 */
const languageCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      config: { policy: 'language.check' },
      schema: {
        tags: ['language'],
        operationId: 'checkLanguage',
        summary: 'Find "alignment" jargon in a text and suggest the words actually meant',
        description:
          'Each finding names the phrase (offsets into the text), a rewrite that keeps the sentence’s meaning ' +
          'when one fits, the sentence with it in place, and otherwise the plain words to choose from with the ' +
          'meaning each would carry. It only suggests: nothing is changed or stored.',
        body: LanguageCheckRequest,
        response: { 200: LanguageCheckResult },
      },
    },
    async (req) => app.services.languageCheck.check(app.caller(req), req.body.text),
  )
}
export default languageCheckRoutes
