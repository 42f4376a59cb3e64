import type { ConfigError } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config'
import { useTestApp } from '../helper'

const base = { REPORTER_KEY_SECRET: 'x'.repeat(40) }

describe('issue tracker secrets', () => {
  it('reads each tracker on its own, and none when unset', () => {
    expect(loadConfig(base).issueTrackers).toEqual({})
    expect(loadConfig({ ...base, LINEAR_WEBHOOK_SECRET: 'lin_wh_0123456789abcdef' }).issueTrackers).toEqual({
      linear: 'lin_wh_0123456789abcdef',
    })
  })

  it('refuses a secret short enough to guess, naming the variable', () => {
    try {
      loadConfig({ ...base, GITHUB_WEBHOOK_SECRET: 'short' })
      expect.unreachable()
    } catch (error) {
      expect((error as ConfigError).problems).toEqual(['GITHUB_WEBHOOK_SECRET must be at least 16 characters'])
    }
  })
})

describe('a tracker whose secret is not set', () => {
  const ctx = useTestApp({ issueTrackers: { jira: 'jira-test-secret-0123456789' } })

  it('has no webhook route (404), while a configured one exists', async () => {
    const github = await ctx.app.inject({ method: 'POST', url: '/api/v1/integrations/github/webhook', payload: {} })
    expect(github.statusCode).toBe(404)
    const jira = await ctx.app.inject({ method: 'POST', url: '/api/v1/integrations/jira/webhook', payload: {} })
    expect(jira.statusCode).toBe(401)
  })
})
