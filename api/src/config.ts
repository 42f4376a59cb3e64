import { ConfigError, type DatabaseConfig, readDatabaseConfig } from '@misalign/db'

export interface AppConfig {
  port: number
  host: string
  database: DatabaseConfig
  /** Fill a fresh database with the demo org (DEMO=off in production). */
  demo: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Serve the built web app from this folder when it exists. */
  webDist: string | undefined
  /** Keys the hash that ties anonymous reports to their reporter; never stored in the database. */
  reporterKeySecret: string
  limits: {
    signInPerAccount: number
    signInPerAddress: number
    filingPerMinute: number
  }
  /** Sign-in through the company's OpenID Connect provider, when configured. */
  oidc: OidcConfig | undefined
  /** Behind a load balancer: trust X-Forwarded-* from it (for https detection and client address). */
  trustProxy: boolean
  /** How long an idle keep-alive connection stays open; behind a load balancer, longer than its idle timeout. */
  keepAliveTimeoutMs: number
  /** The Slack app (filing from a slash command, notices to deciding teams), when configured. */
  slack: SlackConfig | undefined
  /** Webhooks may reach private, loopback and link-local addresses (WEBHOOK_ALLOW_PRIVATE=on): tests, and orgs whose receivers are internal. */
  webhookAllowPrivate: boolean
  /** Secrets of the issue trackers' webhooks; each tracker's endpoint exists only when its secret is set (ADR 042). */
  issueTrackers?: IssueTrackerSecrets
}

/** HMAC keys the trackers sign their webhooks with; never logged or returned. */
export interface IssueTrackerSecrets {
  github?: string
  linear?: string
  jira?: string
}

export interface SlackConfig {
  /** Verifies that a request comes from Slack (HMAC of each request); never logged or returned. */
  signingSecret: string
  /** The bot token (xoxb-…) for calls to Slack's Web API; never logged or returned. */
  botToken: string
  /** Slack's Web API, ending in "/": another host only for tests and proxies. */
  apiUrl: string
  /** Where people open the tracker, for links in Slack messages: https://tracker.example.com */
  appUrl: string
}

export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string
  /** Where the provider sends people back: https://tracker.example.com/api/v1/auth/oidc/callback */
  redirectUri: string
  /** Role for people signing in the first time through OIDC. */
  defaultRole: 'member'
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/**
 * The one place that reads the environment. Every problem is collected, so a bad start
 * names all the variables to fix at once.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  defaults: { webDist?: string; reporterKeySecret?: () => string } = {},
): AppConfig {
  const problems: string[] = []

  let port = 3000
  if (env.PORT !== undefined && env.PORT !== '') {
    port = Number(env.PORT)
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`)
    }
  }

  const host = env.HOST?.trim() || 'localhost'

  let demo = true
  if (env.DEMO !== undefined && env.DEMO !== '') {
    const value = env.DEMO.toLowerCase()
    if (['on', 'true', '1', 'yes'].includes(value)) demo = true
    else if (['off', 'false', '0', 'no'].includes(value)) demo = false
    else problems.push(`DEMO must be "on" or "off", got "${env.DEMO}"`)
  }

  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel']
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${env.LOG_LEVEL}"`)

  const database = readDatabaseConfig(env, problems)

  const limit = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1) problems.push(`${name} must be a positive whole number, got "${raw}"`)
    return value
  }
  const limits = {
    signInPerAccount: limit('SIGN_IN_LIMIT_PER_ACCOUNT', 10),
    signInPerAddress: limit('SIGN_IN_LIMIT_PER_ADDRESS', 100),
    filingPerMinute: limit('FILING_LIMIT_PER_MINUTE', 30),
  }

  const keepAliveTimeoutMs = limit('KEEP_ALIVE_TIMEOUT_MS', 5_000)

  const reporterKeySecret = env.REPORTER_KEY_SECRET || defaults.reporterKeySecret?.() || ''
  if (reporterKeySecret.length < 32) {
    problems.push('REPORTER_KEY_SECRET must be at least 32 characters (generate one with: openssl rand -base64 48)')
  }

  const oidcVariables = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const
  const oidcSet = oidcVariables.filter((name) => env[name])
  let oidc: OidcConfig | undefined
  if (oidcSet.length > 0 && oidcSet.length < oidcVariables.length) {
    problems.push(
      `OIDC sign-in needs all of ${oidcVariables.join(', ')}; missing ${oidcVariables.filter((n) => !env[n]).join(', ')}`,
    )
  } else if (oidcSet.length === oidcVariables.length) {
    oidc = {
      issuer: env.OIDC_ISSUER as string,
      clientId: env.OIDC_CLIENT_ID as string,
      clientSecret: env.OIDC_CLIENT_SECRET as string,
      redirectUri: env.OIDC_REDIRECT_URI as string,
      defaultRole: 'member',
    }
  }

  const slack = readSlackConfig(env, problems)
  const issueTrackers = readIssueTrackerSecrets(env, problems)

  if (problems.length > 0) throw new ConfigError(problems)
  return {
    port,
    host,
    database,
    demo,
    logLevel,
    webDist: defaults.webDist,
    reporterKeySecret,
    limits,
    oidc,
    trustProxy: ['1', 'true', 'on', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    keepAliveTimeoutMs,
    slack,
    webhookAllowPrivate: (env.WEBHOOK_ALLOW_PRIVATE ?? '').toLowerCase() === 'on',
    issueTrackers,
  }
}

/** A short secret is guessable by anyone who can reach the endpoint; trackers generate long ones. */
const MIN_TRACKER_SECRET_LENGTH = 16

function readIssueTrackerSecrets(env: NodeJS.ProcessEnv, problems: string[]): IssueTrackerSecrets {
  const secrets: IssueTrackerSecrets = {}
  for (const [tracker, name] of [
    ['github', 'GITHUB_WEBHOOK_SECRET'],
    ['linear', 'LINEAR_WEBHOOK_SECRET'],
    ['jira', 'JIRA_WEBHOOK_SECRET'],
  ] as const) {
    const value = env[name]
    if (!value) continue
    if (value.length < MIN_TRACKER_SECRET_LENGTH)
      problems.push(`${name} must be at least ${MIN_TRACKER_SECRET_LENGTH} characters`)
    else secrets[tracker] = value
  }
  return secrets
}

const slackVariables = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'APP_URL'] as const

function readSlackConfig(env: NodeJS.ProcessEnv, problems: string[]): SlackConfig | undefined {
  const set = slackVariables.filter((name) => env[name])
  if (!env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN) return undefined
  if (set.length < slackVariables.length) {
    problems.push(`Slack needs all of ${slackVariables.join(', ')}; missing ${slackVariables.filter((n) => !env[n]).join(', ')}`)
    return undefined
  }
  const apiUrl = env.SLACK_API_URL || 'https://slack.com/api/'
  for (const [name, value] of [
    ['SLACK_API_URL', apiUrl],
    ['APP_URL', env.APP_URL as string],
  ] as const) {
    if (!URL.canParse(value)) problems.push(`${name} must be a full URL such as https://example.com, got "${value}"`)
  }
  return {
    signingSecret: env.SLACK_SIGNING_SECRET as string,
    botToken: env.SLACK_BOT_TOKEN as string,
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    appUrl: (env.APP_URL as string).replace(/\/+$/, ''),
  }
}
