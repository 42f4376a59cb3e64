import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helper'
import { runSql } from '../sql'
import { eventCount, importFile, importRow, incidentCount, toCsv, versionsByExternalId } from './support'

const ctx = useTestApp()

const threeRows = () => toCsv([importRow(1), importRow(2, { reporterEmail: 'member@test.example' }), importRow(3)])

describe('POST /api/v1/incidents/import', () => {
  it('previews a dry run with counts and writes nothing', async () => {
    const res = await importFile(ctx, threeRows(), { dryRun: true })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      dryRun: true,
      format: 'csv',
      rows: 3,
      counts: { create: 3, update: 0, unchanged: 0, error: 0 },
      problems: [],
      problemTotal: 0,
    })
    expect(await incidentCount(ctx)).toBe(0)
    expect(await eventCount(ctx, 'incident.filed')).toBe(0)
  })

  it('creates every row with its reporter, audit entry and incident.filed event', async () => {
    const res = await importFile(ctx, threeRows())
    expect(res.statusCode).toBe(200)
    expect(res.json().counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 })
    const rows = await runSql<{ external_id: string; reporter_id: string | null; harm_kinds: string[] | string }>(
      ctx.database,
      'select external_id, reporter_id, harm_kinds from incidents order by external_id',
    )
    expect(rows.map((row) => [row.external_id, row.reporter_id])).toEqual([
      ['JIRA-1', null],
      ['JIRA-2', ctx.actors.member.id],
      ['JIRA-3', null],
    ])
    expect(await eventCount(ctx, 'incident.filed')).toBe(3)
    const audit = await runSql<{ n: number }>(
      ctx.database,
      `select count(*)::int as n from audit_log where entity_type = 'incident' and action = 'create' and actor_id = $1`,
      [ctx.actors.admin.id],
    )
    expect(audit[0]?.n).toBe(3)
    const listed = await ctx.inject({ url: '/api/v1/incidents?limit=10' })
    expect(
      listed
        .json()
        .items.map((item: { title: string }) => item.title)
        .sort(),
    ).toEqual(['Imported report 1', 'Imported report 2', 'Imported report 3'])
  })

  it('changes nothing when the same file is imported again', async () => {
    await importFile(ctx, threeRows())
    const versions = await versionsByExternalId(ctx)
    const again = await importFile(ctx, threeRows())
    expect(again.statusCode).toBe(200)
    expect(again.json().counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 })
    expect(await versionsByExternalId(ctx)).toEqual(versions)
    expect(await incidentCount(ctx)).toBe(3)
    expect(await eventCount(ctx, 'incident.updated')).toBe(0)
  })

  it('updates the rows that changed, one version up, and leaves the rest alone', async () => {
    await importFile(ctx, threeRows())
    const changed = toCsv([
      importRow(1, { harm: 5, status: 'resolved' }),
      importRow(2, { reporterEmail: 'member@test.example' }),
      importRow(3),
      importRow(4),
    ])
    const preview = await importFile(ctx, changed, { dryRun: true })
    expect(preview.json().counts).toEqual({ create: 1, update: 1, unchanged: 2, error: 0 })
    const res = await importFile(ctx, changed)
    expect(res.json().counts).toEqual({ create: 1, update: 1, unchanged: 2, error: 0 })
    expect(await versionsByExternalId(ctx)).toEqual({ 'JIRA-1': 2, 'JIRA-2': 1, 'JIRA-3': 1, 'JIRA-4': 1 })
    const [first] = await runSql<{ harm: number; status: string }>(
      ctx.database,
      `select harm, status from incidents where external_id = 'JIRA-1'`,
    )
    expect(first).toEqual({ harm: 5, status: 'resolved' })
    expect(await eventCount(ctx, 'incident.updated')).toBe(1)
  })

  it('answers 422 listing line and field for a bad row, and writes nothing', async () => {
    await importFile(ctx, toCsv([importRow(1)]))
    const before = await incidentCount(ctx)
    const file = toCsv([
      importRow(1, { title: 'Changed' }),
      importRow(2, { harm: 0 }),
      importRow(3, { reportingTeam: 'nobody' }),
      importRow(4, { reporterEmail: 'ghost@test.example' }),
    ])
    const res = await importFile(ctx, file)
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toMatch(/3 of 4 rows cannot be imported, so nothing was imported/)
    expect(res.json().errors).toEqual([
      { field: 'line 3#harm', message: 'a surprise without harm is not a misalignment' },
      { field: 'line 4#reportingTeamId', message: 'no team has the id or slug "nobody"' },
      { field: 'line 5#reporterEmail', message: expect.stringMatching(/no user has the email ghost@test.example/) },
    ])
    expect(await incidentCount(ctx)).toBe(before)
    const [kept] = await runSql<{ title: string }>(ctx.database, `select title from incidents where external_id = 'JIRA-1'`)
    expect(kept?.title).toBe('Imported report 1')
  })

  it('lists each bad row in a dry run, with the line a multi-line cell ends on', async () => {
    const file = toCsv([
      importRow(1, { narrative: 'two\nlines' }),
      importRow(2, { surprise: 'very', discoveredAt: '2026-02-30' }),
    ])
    const res = await importFile(ctx, file, { dryRun: true })
    expect(res.statusCode).toBe(200)
    expect(res.json().counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 1 })
    expect(res.json().problems.map((p: { line: number; field: string }) => `${p.line}#${p.field}`)).toEqual([
      '4#discoveredAt',
      '4#surprise',
    ])
  })

  it('refuses a second row with the same external id', async () => {
    const res = await importFile(ctx, toCsv([importRow(1), importRow(1)]), { dryRun: true })
    expect(res.json().problems).toEqual([
      { line: 3, externalId: 'JIRA-1', field: 'externalId', message: '"JIRA-1" is also the external id of line 2' },
    ])
  })

  it('answers 400 naming the required columns the header lacks', async () => {
    const res = await importFile(ctx, toCsv([importRow(1)], ['title', 'reportingTeam', 'surprise', 'colour']))
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toMatch(
      /lacks the required columns externalId, discoveredAt, discoveryChannel, expected, harmedGoal, harm; it has column no incident has: colour/,
    )
    expect(res.json().errors).toContainEqual({
      field: 'harm',
      message: 'is a required column and is missing from the header row',
    })
  })

  it('answers 400 naming the line that is not UTF-8', async () => {
    const good = Buffer.from(`${toCsv([importRow(1)])}\r\n`)
    const latin1 = Buffer.from(toCsv([importRow(2, { title: 'Café' })]).split('\r\n')[1] ?? '', 'latin1')
    const res = await importFile(ctx, Buffer.concat([good, latin1]))
    expect(res.statusCode).toBe(400)
    expect(res.json().detail).toMatch(/^Line 3 is not UTF-8 text/)
    expect(await incidentCount(ctx)).toBe(0)
  })

  it('answers 413 for a body over 100 MB', async () => {
    const res = await importFile(ctx, Buffer.alloc(100 * 1024 * 1024 + 1, 0x61))
    expect(res.statusCode).toBe(413)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('answers 403 to anyone but an admin, before reading the file', async () => {
    for (const role of ['leader', 'lead', 'member'] as const) {
      const res = await importFile(ctx, threeRows(), { as: role as 'admin' })
      expect(res.statusCode).toBe(403)
    }
    expect(await incidentCount(ctx)).toBe(0)
  })

  it('reads JSON arrays and NDJSON, and names JSON items by position', async () => {
    const item = (n: number, overrides: Record<string, unknown> = {}) => ({
      ...importRow(n),
      harmKinds: ['rework'],
      reporterEmail: null,
      ...overrides,
    })
    const json = await importFile(ctx, JSON.stringify([item(1), item(2, { harm: 9 })]), {
      dryRun: true,
      contentType: 'application/json',
    })
    expect(json.json()).toMatchObject({ locator: 'item', counts: { create: 1, error: 1 } })
    expect(json.json().problems[0]).toMatchObject({ line: 2, field: 'harm' })
    const ndjson = await importFile(ctx, `${JSON.stringify(item(1))}\n\n${JSON.stringify(item(2))}\n`, {
      contentType: 'application/x-ndjson; charset=utf-8',
    })
    expect(ndjson.statusCode).toBe(200)
    expect(ndjson.json().counts.create).toBe(2)
    const notJson = await importFile(ctx, '{"title": ', { contentType: 'application/x-ndjson', dryRun: true })
    expect(notJson.json().problems[0]).toMatchObject({ line: 1, field: 'row' })
  })

  it('answers 415 for a file of another type', async () => {
    const res = await importFile(ctx, 'a\tb', { contentType: 'text/tab-separated-values' })
    expect(res.statusCode).toBe(415)
  })
})
