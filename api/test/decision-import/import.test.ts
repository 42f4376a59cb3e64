import { readFileSync } from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helper'
import { runSql } from '../sql'

const ctx = useTestApp()
const fixtures = path.join(import.meta.dirname, 'fixtures')
const fixture = (name: string) => ({
  path: `docs/adr/${name.split('/').pop()}`,
  content: readFileSync(path.join(fixtures, name), 'utf8'),
})
const linkBase = 'https://github.com/npryce/adr-tools/blob/master/doc/adr/'
const adrTools = [
  fixture('adr-tools/0001-record-architecture-decisions.md'),
  fixture('adr-tools/0002-implement-as-shell-scripts.md'),
  fixture('adr-tools/0003-rewrite-the-tool-in-go.md'),
]
const madr = fixture('madr/0001-use-a-postgres-backed-job-queue.md')

const importAdrs = (payload: Record<string, unknown>, as: Parameters<typeof ctx.as>[0] = 'admin') =>
  ctx.as(as).inject({ method: 'POST', url: '/api/v1/decisions/import', payload: { owningTeamId: ctx.teams.home, ...payload } })

async function decisionCount(): Promise<number> {
  const [row] = await runSql<{ count: number }>(ctx.database, 'select count(*)::int as count from decisions')
  return Number(row?.count)
}

async function outboxCount(type: string): Promise<number> {
  const [row] = await runSql<{ count: number }>(
    ctx.database,
    'select count(*)::int as count from outbox_events where type = $1',
    [type],
  )
  return Number(row?.count)
}

interface DecisionRow {
  id: string
  title: string
  tradeoff_prefer: string | null
}
const decisionRows = () => runSql<DecisionRow>(ctx.database, 'select id, title, tradeoff_prefer from decisions')

const zipOf = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries)).toString('base64')

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) {
  expect(res.statusCode).toBe(status)
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  return res.json() as { detail: string; errors?: { field: string; message: string }[] }
}

describe('POST /api/v1/decisions/import', () => {
  it('answers a dry run with what each file would become, and writes nothing', async () => {
    const res = await importAdrs({ dryRun: true, linkBase, files: [...adrTools, madr] })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.counts).toEqual({ create: 4, update: 0, unchanged: 0, skip: 0, error: 0 })
    expect(body.files[1]).toMatchObject({
      path: 'docs/adr/0002-implement-as-shell-scripts.md',
      relativePath: '0002-implement-as-shell-scripts.md',
      externalRef: `adr:${ctx.teams.home}:0002-implement-as-shell-scripts.md`,
      action: 'create',
      title: 'Implement as shell scripts',
      status: 'superseded',
      decidedAt: '2016-02-12',
      link: `${linkBase}0002-implement-as-shell-scripts.md`,
      supersededBy: '0003-rewrite-the-tool-in-go.md',
    })
    expect(body.files[3].suggestedTradeoff).toMatchObject({ prefer: 'pg-boss on the existing Postgres' })
    expect(await decisionCount()).toBe(0)
  })

  it('creates the decisions with title, status, date, link and supersession, and records their events', async () => {
    const res = await importAdrs({ dryRun: false, linkBase, files: adrTools })
    expect(res.statusCode).toBe(200)
    const [first, second, third] = res.json().files
    expect(res.json().counts).toMatchObject({ create: 3 })
    const read = async (id: string) => (await ctx.inject({ method: 'GET', url: `/api/v1/decisions/${id}` })).json()
    expect(await read(first.decisionId)).toMatchObject({
      title: 'Record architecture decisions',
      status: 'active',
      decidedAt: '2016-02-12',
      link: `${linkBase}0001-record-architecture-decisions.md`,
      owningTeamId: ctx.teams.home,
      summary: 'We need to record the architectural decisions made on this project.',
    })
    expect(await read(second.decisionId)).toMatchObject({ status: 'superseded', supersededById: third.decisionId })
    expect(await outboxCount('decision.created')).toBe(3)
  })

  it('updates on re-import instead of duplicating, and reports unchanged files as such', async () => {
    await importAdrs({ dryRun: false, files: adrTools })
    const before = await decisionCount()
    const renamed = adrTools.map((file, index) =>
      index === 0
        ? {
            ...file,
            content: file.content.replace('# 1. Record architecture decisions', '# 1. Record every architecture decision'),
          }
        : file,
    )
    const res = await importAdrs({ dryRun: false, files: renamed })
    expect(res.statusCode).toBe(200)
    expect(res.json().counts).toMatchObject({ create: 0, update: 1, unchanged: 2 })
    expect(await decisionCount()).toBe(before)
    const renamedRow = (await decisionRows()).find((row) => row.id === res.json().files[0].decisionId)
    expect(renamedRow?.title).toBe('Record every architecture decision')
    expect(await outboxCount('decision.updated')).toBeGreaterThanOrEqual(1)
  })

  it('writes nothing when one file has a problem, and names the file and field', async () => {
    await importAdrs({ dryRun: false, files: [adrTools[0]] })
    const before = await decisionCount()
    const undated = { path: 'docs/adr/0009-no-date.md', content: '# 9. No date\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n' }
    const res = await importAdrs({ dryRun: false, files: [...adrTools, undated] })
    const problem = expectProblem(res, 422)
    expect(problem.detail).toMatch(/nothing was imported/)
    expect(problem.errors).toEqual([{ field: 'docs/adr/0009-no-date.md#decidedAt', message: expect.stringMatching(/no date/) }])
    expect(await decisionCount()).toBe(before)
  })

  it('stores a suggested tradeoff only where a person accepted it', async () => {
    const madrDecisions = fixture('madr/0013-use-yaml-front-matter-for-meta-data.md')
    const dated = { ...madrDecisions, content: madrDecisions.content.replace('nav_order: 13', 'nav_order: 13\ndate: 2017-12-13') }
    const res = await importAdrs({ dryRun: false, files: [madr, dated], acceptTradeoffs: [madr.path] })
    expect(res.statusCode).toBe(200)
    const [accepted, unaccepted] = res.json().files
    expect(accepted).toMatchObject({ tradeoffAccepted: true })
    expect(unaccepted).toMatchObject({ tradeoffAccepted: false, suggestedTradeoff: { prefer: 'Use YAML front matter' } })
    const byId = new Map((await decisionRows()).map((row) => [row.id, row]))
    expect(byId.get(accepted.decisionId)?.tradeoff_prefer).toBe('pg-boss on the existing Postgres')
    expect(byId.get(unaccepted.decisionId)?.tradeoff_prefer).toBeNull()
  })

  it('reads the .md files of a zip and ignores the rest', async () => {
    const zip = zipOf({
      'adr/0001-record-architecture-decisions.md': strToU8(adrTools[0]?.content ?? ''),
      'adr/diagram.png': new Uint8Array([1, 2, 3]),
      '__MACOSX/adr/._0001-record-architecture-decisions.md': new Uint8Array([0, 5, 22, 7]),
    })
    const res = await importAdrs({ dryRun: true, zip })
    expect(res.statusCode).toBe(200)
    expect(res.json().files.map((f: { relativePath: string }) => f.relativePath)).toEqual([
      '0001-record-architecture-decisions.md',
    ])
  })

  it('refuses a zip entry that climbs out of the folder, naming it', async () => {
    const zip = zipOf({ 'adr/0001-ok.md': strToU8(adrTools[0]?.content ?? ''), '../evil.md': strToU8('# Evil\n') })
    const problem = expectProblem(await importAdrs({ dryRun: true, zip }), 400)
    expect(problem.detail).toMatch(/"\.\.\/evil\.md"/)
    expect(await decisionCount()).toBe(0)
  })

  it('refuses a zip bomb quickly, while inflating', async () => {
    const bomb = zipOf({ 'bomb.md': new Uint8Array(50 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(200_000)
    const startedAt = performance.now()
    const problem = expectProblem(await importAdrs({ dryRun: true, zip: bomb }), 400)
    expect(problem.detail).toMatch(/bomb\.md.*inflates to more than/)
    expect(performance.now() - startedAt).toBeLessThan(3_000)

    // Many entries each under the per-file limit still stop at the total.
    const spread: Record<string, Uint8Array> = {}
    for (let i = 0; i < 25; i++) spread[`adr/${i}.md`] = new Uint8Array(1000 * 1024).fill(0x20)
    expect(expectProblem(await importAdrs({ dryRun: true, zip: zipOf(spread) }), 400).detail).toMatch(
      /zip inflates to more than 20 MB/,
    )
  })

  it('refuses text that is not UTF-8, naming the file', async () => {
    const zip = zipOf({ 'adr/0001-latin1.md': new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]) })
    expect(expectProblem(await importAdrs({ dryRun: true, zip }), 400).detail).toMatch(/adr\/0001-latin1\.md is not UTF-8/)
    const garbled = { path: 'docs/adr/0002-garbled.md', content: '# Caf\uFFFD\n' }
    expect(expectProblem(await importAdrs({ dryRun: true, files: [garbled] }), 400).detail).toMatch(
      /0002-garbled\.md is not UTF-8/,
    )
  })

  it('refuses something that is not a zip, and a file path with ".."', async () => {
    expect(expectProblem(await importAdrs({ dryRun: true, zip: Buffer.from('hello').toString('base64') }), 400).detail).toMatch(
      /not a zip/,
    )
    const res = await importAdrs({ dryRun: true, files: [{ path: '../../etc/x.md', content: '# X' }] })
    expect(expectProblem(res, 400).detail).toMatch(/climbs out/)
  })

  it('lets only people who may update the team’s decisions import them', async () => {
    expectProblem(await importAdrs({ dryRun: true, files: adrTools }, 'member'), 403)
    expectProblem(await importAdrs({ dryRun: false, files: adrTools }, 'outsideLead'), 403)
    expect((await importAdrs({ dryRun: false, files: adrTools }, 'lead')).statusCode).toBe(200)
  })
})
