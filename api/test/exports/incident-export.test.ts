import { Incident } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'
import { runSql } from '../sql'
import { exportUrl, ndjsonRows, pageThrough, type Row } from './support'

const ctx = useTestApp()

/**
 * A named, a restricted and an anonymous report of the home team, one restricted report of the
 * away team, each copied 120 times in SQL: 600 incidents, so an export takes two batches.
 */
async function seed() {
  const restrictedHome = await fileIncident(ctx.as('member').inject, ctx.teams.home, { restricted: true, harm: 5 })
  await fileIncident(ctx.as('member').inject, ctx.teams.home, { title: 'Named report', surprise: 2 })
  // The lead files nothing else: their id must appear nowhere in an export.
  await fileIncident(ctx.as('lead').inject, ctx.teams.home, {
    anonymous: true,
    title: 'Anonymous report',
    discoveredAt: '2026-03-01',
  })
  await fileIncident(ctx.as('outsider').inject, ctx.teams.away, { restricted: true, title: 'Away only', harm: 1 })
  await fileIncident(ctx.as('outsider').inject, ctx.teams.away, { title: 'Away open', discoveryChannel: 'chat' })
  await runSql(
    ctx.database,
    `insert into incidents (title, narrative, reporting_team_id, reporter_id, reporter_key, anonymous, restricted, status,
       discovered_at, discovery_channel, expected, surprise, harmed_goal, harm, harm_kinds, missing_context, root_cause)
     select title || ' #' || n, narrative, reporting_team_id, reporter_id, reporter_key, anonymous, restricted,
       (array['open','triaged','resolved'])[1 + n % 3]::incident_status, discovered_at + (n % 20), discovery_channel,
       expected, surprise, harmed_goal, harm, harm_kinds, missing_context, root_cause
     from incidents cross join generate_series(1, 119) n`,
  )
  return { restrictedHome }
}

const numbers = (rows: Row[]) => rows.map((row) => row.number)

async function exported(path: string, as: ActorName = 'admin') {
  const res = await ctx.as(as).inject({ url: path })
  expect(res.statusCode, res.body).toBe(200)
  return res
}

describe('GET /api/v1/incidents/export', () => {
  it.each([
    ['admin', '/api/v1/incidents'],
    ['outsider', '/api/v1/incidents'],
    ['member', '/api/v1/incidents?status=open&status=triaged&sort=-weightedHarm'],
    ['outsider', '/api/v1/incidents?from=2026-03-20&sort=discoveredAt&discoveryChannel=code_review'],
    ['lead', '/api/v1/incidents?mine=true'],
    ['admin', `/api/v1/incidents?q=anonymous&sort=number`],
  ] as [ActorName, string][])('as %s, %s: the export holds what the list pages through, in its order', async (as, list) => {
    await seed()
    const listed = await pageThrough(ctx, list, as)
    expect(listed.length).toBeGreaterThan(0)
    const ndjson = ndjsonRows((await exported(exportUrl(list, 'ndjson'), as)).body)
    expect(numbers(ndjson)).toEqual(numbers(listed))
    // Not only the same incidents: the same fields, as the list shows them to this caller.
    expect(ndjson).toEqual(listed)
    const json = (await exported(exportUrl(list, 'json'), as)).json() as unknown[]
    expect(json).toEqual(listed)
    const csv = (await exported(exportUrl(list, 'csv'), as)).body.trimEnd().split('\r\n')
    const numberColumn = csv[0]?.split(',').indexOf('number') ?? -1
    // Every title is one line here, so each line is one row.
    expect(csv.slice(1).map((line) => Number(line.split(',')[numberColumn]))).toEqual(numbers(listed))
  })

  it('leaves out restricted incidents a member of another team may not see', async () => {
    const { restrictedHome } = await seed()
    const all = ndjsonRows((await exported('/api/v1/incidents/export?format=ndjson')).body)
    const outsider = ndjsonRows((await exported('/api/v1/incidents/export?format=ndjson', 'outsider')).body)
    const member = ndjsonRows((await exported('/api/v1/incidents/export?format=ndjson', 'member')).body)
    expect(all).toHaveLength(600)
    // The outsider sees the away team's restricted reports, never the home team's.
    expect(outsider.filter((row) => row.restricted && row.reportingTeamId === ctx.teams.home)).toEqual([])
    expect(outsider.some((row) => row.number === restrictedHome.number)).toBe(false)
    expect(outsider).toHaveLength(480)
    expect(member.filter((row) => row.restricted && row.reportingTeamId === ctx.teams.away)).toEqual([])
    expect(member).toHaveLength(480)
    const csv = (await exported('/api/v1/incidents/export?format=csv', 'outsider')).body
    expect(csv).not.toContain(restrictedHome.id)
  })

  it("never shows an anonymous incident's reporter, nor their small team, in any format", async () => {
    await seed()
    for (const format of ['csv', 'ndjson', 'json'] as const) {
      for (const as of ['admin', 'member', 'outsider'] as const) {
        const body = (await exported(`/api/v1/incidents/export?format=${format}&q=anonymous`, as)).body
        expect(body).toContain('Anonymous report')
        expect(body).not.toContain(ctx.actors.lead.id)
        // Home has fewer than five members: others see its anonymous reports as the parent team's.
        expect(body).not.toContain(ctx.teams.home)
        expect(body).toContain(ctx.teams.org)
      }
    }
    // Their own: marked as theirs, still without their id.
    const own = ndjsonRows((await exported('/api/v1/incidents/export?format=ndjson&q=anonymous', 'lead')).body)
    expect(own.every((row) => row.isMine === true && row.reporterId === null)).toBe(true)
  })

  it('writes CSV with one header row of the schema fields, quoted cells, ";"-joined arrays and a formula guard', async () => {
    const titles = ['=HYPERLINK("http://evil.example","click")', '+1+2', '-3', '@SUM(A1)', 'Plain, "quoted" title']
    for (const title of titles) await fileIncident(ctx.inject, ctx.teams.home, { title })
    await fileIncident(ctx.inject, ctx.teams.home, { title: 'Two lines', narrative: 'first line\nsecond, "line"' })
    await fileIncident(ctx.inject, ctx.teams.home, { title: 'Tabbed', expected: '\tstarts with a tab' })
    const res = await exported('/api/v1/incidents/export?format=csv&sort=number')
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="incidents-\d{4}-\d{2}-\d{2}\.csv"$/)
    const body = res.body
    const header = body.slice(0, body.indexOf('\r\n'))
    expect(header).toBe(Object.keys(Incident.properties).join(','))
    expect(body.match(/^id,/gm)).toHaveLength(1)
    expect(body).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`)
    expect(body).toContain(",'+1+2,")
    expect(body).toContain(",'-3,")
    expect(body).toContain(",'@SUM(A1),")
    expect(body).toContain(',"Plain, ""quoted"" title",')
    expect(body).toContain(',"first line\nsecond, ""line""",')
    expect(body).toContain(",'\tstarts with a tab,")
    expect(body).toContain(',rework;delay,')
    expect(body).not.toMatch(/,=|,\+|,-\d|,@/)
  })

  it('streams NDJSON and JSON that parse, with their content types and file names', async () => {
    await seed()
    const ndjson = await exported('/api/v1/incidents/export?format=ndjson')
    expect(ndjson.headers['content-type']).toBe('application/x-ndjson; charset=utf-8')
    expect(ndjson.headers['content-disposition']).toMatch(/filename="incidents-\d{4}-\d{2}-\d{2}\.ndjson"/)
    const rows = ndjsonRows(ndjson.body)
    expect(rows).toHaveLength(600)
    expect(new Set(numbers(rows)).size).toBe(600)
    const json = await exported('/api/v1/incidents/export?format=json')
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(json.json()).toEqual(rows)
    // JSON unless asked otherwise, like the rest of the API.
    expect((await exported('/api/v1/incidents/export')).json()).toEqual(rows)
    const none = await exported('/api/v1/incidents/export?format=json&q=nothingmatchesthis')
    expect(none.json()).toEqual([])
    const noneCsv = await exported('/api/v1/incidents/export?format=csv&q=nothingmatchesthis')
    expect(noneCsv.body).toBe(`${Object.keys(Incident.properties).join(',')}\r\n`)
  })

  it.each([
    ['a format it does not know', 'format=xlsx'],
    ['a filter value it does not know', 'format=csv&status=closed'],
    ['a parameter the list does not take', 'format=csv&colour=red'],
    ['paging, which an export does not take', 'format=csv&limit=10'],
  ])('answers 400 problem+json for %s', async (_, query) => {
    const res = await ctx.inject({ url: `/api/v1/incidents/export?${query}` })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('leaves GET /incidents/:id as it was', async () => {
    const filed = await fileIncident(ctx.inject, ctx.teams.home)
    expect((await ctx.inject({ url: `/api/v1/incidents/${filed.key}` })).statusCode).toBe(200)
  })
})
