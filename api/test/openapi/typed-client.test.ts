import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
// TypeScript 5.9 beside the workspace's TypeScript 7, which has no compiler API (STACK.md).
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helper'

const ctx = useTestApp()

/** Inside api/, so the generated client resolves openapi-fetch from api/node_modules. */
const apiFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * What a script author writes against the generated types. The `@ts-expect-error` lines prove the
 * types are precise: were they to collapse to `any`, the directives would be unused, and errors.
 */
const client = `import createClient from 'openapi-fetch'
import type { operations, paths } from './schema'

const client = createClient<paths>({ baseUrl: 'http://localhost:3000' })

export async function titlesOfOpenIncidents(teamId: string): Promise<string[]> {
  const { data, error } = await client.GET('/api/v1/incidents', {
    params: { query: { reportingTeamId: [teamId], status: ['open', 'triaged'], limit: 20 } },
  })
  if (error) throw new Error(error.detail ?? error.title)
  // @ts-expect-error: an incident's number is a number
  const wrong: string = data.items[0]?.number
  void wrong
  return data.items.map((incident) => \`\${incident.key}: \${incident.title}\`)
}

export async function fileIncident(teamId: string): Promise<number> {
  const { data, error, response } = await client.POST('/api/v1/incidents', {
    params: { header: { 'idempotency-key': 'a-unique-key' } },
    body: {
      title: 'Payments v1 API removed with a month of notice',
      reportingTeamId: teamId,
      discoveredAt: '2026-11-20',
      discoveryChannel: 'code_review',
      expected: 'Two quarters of deprecation',
      surprise: 4,
      harmedGoal: 'Ship the new checkout in December',
      harm: 3,
      harmKinds: ['rework', 'delay'],
    },
  })
  if (error) throw new Error(\`\${response.status}: \${error.detail ?? error.title}\`)
  return data.number
}

// @ts-expect-error: the list has no such filter
void client.GET('/api/v1/incidents', { params: { query: { colour: 'red' } } })

// Operations by operationId, as other generators name their methods.
export type ListIncidentsQuery = operations['listIncidents']['parameters']['query']
export type FiledIncident = operations['fileIncident']['responses'][201]['content']['application/json']
export const firstTitle = (incident: FiledIncident): string => incident.title
`

function compile(folder: string): string[] {
  const program = ts.createProgram([join(folder, 'client.ts')], {
    strict: true,
    noEmit: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    if (!diagnostic.file || diagnostic.start === undefined) return text
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${diagnostic.file.fileName.slice(folder.length + 1)}:${line + 1}:${character + 1} ${text}`
  })
}

describe('a client generated from the OpenAPI document', () => {
  it('compiles under strict TypeScript, with types precise enough to catch mistakes', async () => {
    const schema = astToString(await openapiTS(ctx.app.swagger() as unknown as Parameters<typeof openapiTS>[0]))
    const folder = mkdtempSync(join(apiFolder, '.typed-client-'))
    try {
      writeFileSync(join(folder, 'schema.ts'), schema)
      writeFileSync(join(folder, 'client.ts'), client)
      expect(compile(folder), 'TypeScript errors in the generated client').toEqual([])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
