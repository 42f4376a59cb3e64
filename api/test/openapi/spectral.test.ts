import { Document, Ruleset, Spectral } from '@stoplight/spectral-core'
import { Json } from '@stoplight/spectral-parsers'
import { oas } from '@stoplight/spectral-rulesets'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helper'

// Slack's request URLs and OIDC sign-in exist only when configured: configure both, so the
// document has every operation there is. Neither reaches the network while routes register.
const ctx = useTestApp({
  slack: {
    signingSecret: 'test-signing-secret-0123456789abcdef',
    botToken: 'xoxb-test',
    apiUrl: 'http://127.0.0.1:9/',
    appUrl: 'https://tracker.test',
  },
  oidc: {
    issuer: 'http://127.0.0.1:9/issuer',
    clientId: 'tracker',
    clientSecret: 'secret',
    redirectUri: 'http://127.0.0.1:3000/api/v1/auth/oidc/callback',
    defaultRole: 'member',
  },
})

/** The numbers of @stoplight/types' DiagnosticSeverity. */
const severityName = ['error', 'warning', 'info', 'hint'] as const
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

type Operation = { operationId?: string }

function operationsOf(document: Record<string, unknown>) {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>
  return Object.entries(paths).flatMap(([path, item]) =>
    methods.filter((method) => item[method]).map((method) => ({ at: `${method.toUpperCase()} ${path}`, ...item[method] })),
  )
}

describe('the OpenAPI document', () => {
  it('gives every operation an operationId, each one different', () => {
    const operations = operationsOf(ctx.app.swagger() as unknown as Record<string, unknown>)
    expect(operations.length).toBeGreaterThan(50)
    const missing = operations.filter((operation) => !operation.operationId).map((operation) => operation.at)
    expect(missing, 'operations without an operationId').toEqual([])
    const seen = new Map<string, string[]>()
    for (const { at, operationId } of operations) seen.set(operationId ?? '', [...(seen.get(operationId ?? '') ?? []), at])
    const duplicates = [...seen].filter(([, at]) => at.length > 1).map(([id, at]) => `${id}: ${at.join(', ')}`)
    expect(duplicates, 'operationIds used more than once').toEqual([])
  })

  it('lints with no error and no warning under Spectral’s oas ruleset', async () => {
    const spectral = new Spectral()
    spectral.setRuleset(new Ruleset({ extends: [[oas, 'recommended']] }, { source: 'spectral:oas' }))
    const text = JSON.stringify(ctx.app.swagger(), null, 2)
    const results = await spectral.run(new Document(text, Json, '/api/openapi.json'))
    const problems = results
      .filter((result) => result.severity <= 1)
      .map((result) => `${severityName[result.severity]} ${result.code} at ${result.path.join('.')}: ${result.message}`)
    const byRule = new Map<string, number>()
    for (const result of results) byRule.set(String(result.code), (byRule.get(String(result.code)) ?? 0) + 1)
    if (results.length > 0) console.info('Spectral results by rule:', Object.fromEntries(byRule))
    expect(problems, 'Spectral errors and warnings (fix the route schema or swagger.ts)').toEqual([])
  })
})
