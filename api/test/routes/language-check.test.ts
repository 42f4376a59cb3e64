import { auditLog, queryRows, sql } from '@misalign/db'
import { LANGUAGE_CHECK_MAX_LENGTH } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { evaluateLanguageCheck } from '../../bench/insight/language'
import { useTestApp } from '../helper'

const ctx = useTestApp()

const check = (payload: unknown, as: 'member' | 'admin' = 'member') =>
  ctx.as(as).inject({ method: 'POST', url: '/api/v1/language-check', payload: payload as object })

describe('POST /api/v1/language-check', () => {
  it('answers each jargon phrase with a rewrite that keeps the sentence, for any signed-in member', async () => {
    const text = 'We need alignment with Payments on the refund flow. Are the mobile teams aligned on the new login flow?'
    const res = await check({ text })
    expect(res.statusCode).toBe(200)
    const { findings } = res.json()
    expect(findings).toHaveLength(2)
    expect(findings[0]).toEqual({
      start: 3,
      end: 17,
      phrase: 'need alignment',
      rewrite: 'need to agree',
      sentence: 'We need alignment with Payments on the refund flow.',
      rewrittenSentence: 'We need to agree with Payments on the refund flow.',
      alternatives: [],
      explanation: expect.stringContaining('need to agree'),
    })
    expect(findings[1]).toMatchObject({
      phrase: 'Are the mobile teams aligned on',
      rewrittenSentence: 'Do the mobile teams know about the new login flow?',
    })
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.phrase)
  })

  it('lists the plain words with their meanings when no rewrite fits, and leaves the plain sense alone', async () => {
    const res = await check({ text: 'Leadership wants alignment. Align the text left in the table header.' })
    const [finding, ...rest] = res.json().findings
    expect(rest).toEqual([])
    expect(finding).toMatchObject({ phrase: 'alignment', rewrite: null, rewrittenSentence: null })
    expect(finding.alternatives).toContainEqual({ word: 'agreement', meaning: 'a decision both sides accepted' })
  })

  it('works with an API token, for scripts, and stores nothing', async () => {
    const before = await queryRows<{ count: number }>(ctx.database.db, sql`select count(*)::int as count from ${auditLog}`)
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/language-check', payload: { text: 'no jargon here' } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ findings: [] })
    const after = await queryRows<{ count: number }>(ctx.database.db, sql`select count(*)::int as count from ${auditLog}`)
    expect(after).toEqual(before)
  })

  it('asks for sign-in first', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/language-check', payload: { text: 'aligned' } })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it.each([
    ['no text', {}, /text/],
    ['text that is not a string', { text: 42 }, /text/],
    ['an unknown field', { text: 'aligned', language: 'en' }, /language/],
    ['text over the limit', { text: 'a'.repeat(LANGUAGE_CHECK_MAX_LENGTH + 1) }, /text/],
  ])('answers 400 as problem+json for %s, naming the field', async (_, payload, field) => {
    const res = await check(payload)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.body).toMatch(field)
  })

  it('accepts text of exactly the limit', async () => {
    const text = 'We need alignment on it. '.repeat(800).slice(0, LANGUAGE_CHECK_MAX_LENGTH)
    const res = await check({ text })
    expect(res.statusCode).toBe(200)
    expect(res.json().findings.length).toBeGreaterThan(700)
  })

  it('is described in the OpenAPI document with its request and answer', async () => {
    const document = ctx.app.swagger() as { paths: Record<string, { post?: { requestBody?: unknown; tags?: string[] } }> }
    const operation = document.paths['/api/v1/language-check']?.post
    expect(operation?.tags).toEqual(['language'])
    expect(JSON.stringify(operation?.requestBody)).toContain(`"maxLength":${LANGUAGE_CHECK_MAX_LENGTH}`)
  })
})

// The evaluation figures of the bench (`pnpm bench -- --only insight`), held above a floor so a
// rule change that breaks fitting rewrites or flags the plain sense fails here first.
describe('the language check on its labelled set', () => {
  it('fits a rewrite to the tuned sentences and flags no plain sense', () => {
    const tuning = evaluateLanguageCheck('tuning')
    expect(tuning.phrases).toBeGreaterThanOrEqual(40)
    expect(tuning.flagged).toBe(tuning.phrases)
    expect(tuning.fittingRewrites / tuning.phrases).toBeGreaterThanOrEqual(0.95)
    expect(tuning.falseFlags).toBe(0)
  })

  it('keeps its figures on the held-out sentences', () => {
    const heldOut = evaluateLanguageCheck('held-out')
    expect(heldOut.phrases).toBeGreaterThanOrEqual(25)
    expect(heldOut.flagged).toBe(heldOut.phrases)
    expect(heldOut.fittingRewrites / heldOut.phrases).toBeGreaterThanOrEqual(0.8)
    expect(heldOut.falseFlags).toBeLessThanOrEqual(1)
  })
})
