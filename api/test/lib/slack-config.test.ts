import { ConfigError } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config'

const base = { REPORTER_KEY_SECRET: 'x'.repeat(40) }
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env)
    return []
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
}

describe('Slack configuration', () => {
  it('is off when none of its variables is set', () => {
    expect(loadConfig(base).slack).toBeUndefined()
  })

  it('reads all three, with Slack’s own Web API by default', () => {
    const config = loadConfig({
      ...base,
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
      APP_URL: 'https://tracker.example.com/',
    })
    expect(config.slack).toEqual({
      signingSecret: 's',
      botToken: 'xoxb-1',
      apiUrl: 'https://slack.com/api/',
      appUrl: 'https://tracker.example.com',
    })
  })

  it('names what is missing or wrong, and stops the start', () => {
    expect(problemsOf({ ...base, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      'Slack needs all of SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, APP_URL; missing SLACK_SIGNING_SECRET, APP_URL',
    ])
    const wrong = problemsOf({ ...base, SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'x', APP_URL: 'tracker' })
    expect(wrong).toEqual(['APP_URL must be a full URL such as https://example.com, got "tracker"'])
  })
})
