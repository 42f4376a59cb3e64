/**
 * Links from actions and incidents to the issue trackers teams already use. Recognized from the
 * URL alone, so the web app names the tracker as someone types and the API stores the same key
 * the tracker's webhook will later name (docs/decisions/042-issue-tracker-links.md).
 */
export const issueTrackers = ['jira', 'linear', 'github'] as const
export type IssueTracker = (typeof issueTrackers)[number]

export const issueLinkSubjects = ['action', 'incident'] as const
export type IssueLinkSubject = (typeof issueLinkSubjects)[number]

export const issueLinkStates = ['open', 'closed'] as const
export type IssueLinkState = (typeof issueLinkStates)[number]

export interface RecognizedIssueLink {
  tracker: IssueTracker
  /** The tracker's own name for the issue: ABC-123, ENG-123, owner/repo#12. */
  key: string
  /** The issue's address in one canonical form, so one issue is not linked twice under two spellings. */
  url: string
}

export type IssueLinkRecognition = { ok: true; link: RecognizedIssueLink } | { ok: false; reason: string }

export const issueTrackerLabels: Record<IssueTracker, string> = { jira: 'JIRA', linear: 'Linear', github: 'GitHub' }

/** "JIRA ABC-123", "GitHub owner/repo#12", "Linear ENG-123": how a link reads on a chip. */
export const issueLinkLabel = (link: { tracker: IssueTracker; key: string }): string =>
  `${issueTrackerLabels[link.tracker]} ${link.key}`

/** Longer than any tracker's issue URL; a paste this long is something else. */
export const ISSUE_URL_MAX_LENGTH = 2_000

// Jira project keys start with a letter and hold letters, digits and underscores (Atlassian's default pattern).
const jiraKey = /^([A-Za-z][A-Za-z0-9_]+)-([1-9][0-9]{0,9})$/
const linearKey = /^([A-Za-z0-9]{1,10})-([1-9][0-9]{0,9})$/
const githubName = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const githubRepo = /^[A-Za-z0-9._-]{1,100}$/

const supported =
  'Paste the address of a Jira issue (…/browse/ABC-123), a Linear issue (https://linear.app/<workspace>/issue/ENG-123) or a GitHub issue or pull request (https://github.com/<owner>/<repo>/issues/12).'

const no = (reason: string): IssueLinkRecognition => ({ ok: false, reason })
const yes = (tracker: IssueTracker, key: string, url: string): IssueLinkRecognition => ({ ok: true, link: { tracker, key, url } })

/**
 * GitHub names a repository case-insensitively and its webhooks spell it as the repository does;
 * the key is lower-cased so a pasted URL in any case matches what the webhook sends.
 */
export const githubIssueKey = (fullName: string, number: number | string): string => `${fullName.toLowerCase()}#${number}`

/** Jira and Linear keys are upper case in their webhooks; a URL typed in lower case still matches. */
export const trackerIssueKey = (key: string): string => key.toUpperCase()

function recognizeGithub(url: URL): IssueLinkRecognition {
  const [owner = '', repo = '', kind = '', number = ''] = url.pathname.split('/').filter(Boolean)
  if (
    !githubName.test(owner) ||
    !githubRepo.test(repo) ||
    !['issues', 'pull'].includes(kind) ||
    !/^[1-9][0-9]{0,9}$/.test(number)
  ) {
    return no(
      'This GitHub address is not an issue or a pull request: it should read https://github.com/<owner>/<repo>/issues/<number> or …/pull/<number>.',
    )
  }
  return yes('github', githubIssueKey(`${owner}/${repo}`, number), `https://github.com/${owner}/${repo}/${kind}/${number}`)
}

function recognizeLinear(url: URL): IssueLinkRecognition {
  const [workspace = '', issue = '', identifier = ''] = url.pathname.split('/').filter(Boolean)
  if (!workspace || issue !== 'issue' || !linearKey.test(identifier)) {
    return no('This Linear address is not an issue: it should read https://linear.app/<workspace>/issue/ENG-123.')
  }
  const key = trackerIssueKey(identifier)
  return yes('linear', key, `https://linear.app/${workspace}/issue/${key}`)
}

/** Cloud (<site>.atlassian.net) and self-hosted Jira alike: /browse/KEY-n, or a board's ?selectedIssue=KEY-n. */
function recognizeJira(url: URL): IssueLinkRecognition | undefined {
  const browse = /^(.*?)\/browse\/([^/]+)\/?$/.exec(url.pathname)
  const selected = url.searchParams.get('selectedIssue')
  const candidate = browse?.[2] ?? selected
  if (!candidate) return undefined
  if (!jiraKey.test(candidate)) return no(`"${candidate.slice(0, 40)}" is not a Jira issue key: it should look like ABC-123.`)
  const key = trackerIssueKey(candidate)
  // A self-hosted Jira may live under a path (https://example.com/jira/browse/…); a board link may not.
  const base = browse ? (browse[1] ?? '') : ''
  return yes('jira', key, `${url.origin}${base}/browse/${key}`)
}

/** Which tracker this URL points at, and the issue's key; or, in words a person can act on, why not. */
export function issueLinkOf(input: string): IssueLinkRecognition {
  const text = input.trim()
  if (!text) return no(`The link is empty. ${supported}`)
  if (text.length > ISSUE_URL_MAX_LENGTH) return no(`The link is longer than ${ISSUE_URL_MAX_LENGTH} characters. ${supported}`)
  if (!URL.canParse(text)) return no(`That is not a web address. ${supported}`)
  const url = new URL(text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return no(`Only http and https links are taken, not ${url.protocol.replace(/:$/, '')}. ${supported}`)
  }
  if (url.username || url.password) return no('The link carries a user name or password: paste it without them.')
  const host = url.hostname.toLowerCase()
  if (host === 'github.com' || host === 'www.github.com') return recognizeGithub(url)
  if (host === 'linear.app') return recognizeLinear(url)
  const jira = recognizeJira(url)
  if (jira) return jira
  if (host.endsWith('.atlassian.net')) {
    return no('This Jira address does not name an issue: open the issue and copy its …/browse/ABC-123 address.')
  }
  return no(`${host} is not a tracker this app recognizes. ${supported}`)
}
