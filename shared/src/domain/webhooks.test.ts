import { describe, expect, it } from 'vitest'
import {
  disabledForFailures,
  isDisabledForFailures,
  responseExcerpt,
  shouldDisableEndpoint,
  WEBHOOK_EXCERPT_CHARS,
  webhookUrlProblem,
} from './webhooks'

describe('webhookUrlProblem', () => {
  it('takes http and https URLs', () => {
    expect(webhookUrlProblem('https://hooks.example.com/in')).toBeNull()
    expect(webhookUrlProblem('http://10.0.0.5:8080/hook?x=1')).toBeNull()
  })

  it('says what is wrong with anything else', () => {
    expect(webhookUrlProblem('hooks.example.com')).toMatch(/not a URL/)
    expect(webhookUrlProblem('ftp://example.com/x')).toMatch(/http or https, not ftp/)
    expect(webhookUrlProblem('file:///etc/passwd')).toMatch(/not file/)
    expect(webhookUrlProblem('https://user:pw@example.com/')).toMatch(/user name or password/)
    expect(webhookUrlProblem('https://example.com/#x')).toMatch(/fragment/)
  })
})

describe('shouldDisableEndpoint', () => {
  const now = new Date('2026-12-07T12:00:00Z')
  it('never disables an endpoint that is not failing', () => {
    expect(shouldDisableEndpoint(null, now)).toBe(false)
  })
  it('disables after 24 hours of failures, not before', () => {
    expect(shouldDisableEndpoint(new Date('2026-12-06T12:00:01Z'), now)).toBe(false)
    expect(shouldDisableEndpoint(new Date('2026-12-06T12:00:00Z'), now)).toBe(true)
  })
})

describe('responseExcerpt', () => {
  it('keeps a short answer and cuts a long one', () => {
    expect(responseExcerpt('  ok \n')).toBe('ok')
    expect(responseExcerpt('')).toBeNull()
    const long = responseExcerpt('x'.repeat(2000))
    expect(long).toHaveLength(WEBHOOK_EXCERPT_CHARS + 1)
    expect(long?.endsWith('…')).toBe(true)
  })
})

describe('disabledForFailures', () => {
  it('says why in words, and is told apart from an admin turning it off', () => {
    const reason = disabledForFailures('Answered 503: only 2xx counts as received')
    expect(reason).toMatch(/failed for 24 hours.*Answered 503/)
    expect(isDisabledForFailures(reason)).toBe(true)
    expect(isDisabledForFailures('Turned off by Ada Admin')).toBe(false)
    expect(isDisabledForFailures(null)).toBe(false)
  })
})
