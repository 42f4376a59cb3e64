import { describe, expect, it } from 'vitest'
import { githubIssueKey, issueLinkLabel, issueLinkOf } from './issue-links'

const recognized = (url: string) => {
  const result = issueLinkOf(url)
  if (!result.ok) throw new Error(`not recognized: ${result.reason}`)
  return result.link
}
const reason = (url: string) => {
  const result = issueLinkOf(url)
  if (result.ok) throw new Error(`recognized as ${result.link.tracker} ${result.link.key}`)
  return result.reason
}

describe('issueLinkOf', () => {
  it('reads a Jira Cloud issue by its browse address', () => {
    expect(recognized('https://acme.atlassian.net/browse/ABC-123')).toEqual({
      tracker: 'jira',
      key: 'ABC-123',
      url: 'https://acme.atlassian.net/browse/ABC-123',
    })
  })

  it('reads a self-hosted Jira, under a context path too, and upper-cases the key', () => {
    expect(recognized('https://jira.example.com/browse/OPS_2-7')).toMatchObject({ tracker: 'jira', key: 'OPS_2-7' })
    expect(recognized('https://example.com/jira/browse/abc-9/')).toEqual({
      tracker: 'jira',
      key: 'ABC-9',
      url: 'https://example.com/jira/browse/ABC-9',
    })
  })

  it('reads the issue a Jira board has open (?selectedIssue=)', () => {
    expect(recognized('https://acme.atlassian.net/jira/software/projects/ABC/boards/1?selectedIssue=ABC-42')).toEqual({
      tracker: 'jira',
      key: 'ABC-42',
      url: 'https://acme.atlassian.net/browse/ABC-42',
    })
  })

  it('reads a Linear issue with or without its slug', () => {
    expect(recognized('https://linear.app/acme/issue/ENG-123/fix-the-login-loop')).toEqual({
      tracker: 'linear',
      key: 'ENG-123',
      url: 'https://linear.app/acme/issue/ENG-123',
    })
    expect(recognized('  https://linear.app/acme/issue/eng-5  ')).toMatchObject({ key: 'ENG-5' })
  })

  it('reads GitHub issues and pull requests as owner/repo#n', () => {
    expect(recognized('https://github.com/octo-org/Hello-World/issues/12')).toEqual({
      tracker: 'github',
      key: 'octo-org/hello-world#12',
      url: 'https://github.com/octo-org/Hello-World/issues/12',
    })
    expect(recognized('https://github.com/octo-org/hello.js/pull/7/files#diff-1')).toMatchObject({
      key: 'octo-org/hello.js#7',
      url: 'https://github.com/octo-org/hello.js/pull/7',
    })
  })

  it('says why other addresses are not issues', () => {
    expect(reason('not a url')).toMatch(/not a web address/)
    expect(reason('')).toMatch(/empty/)
    expect(reason('ftp://acme.atlassian.net/browse/ABC-1')).toMatch(/http and https.*not ftp/)
    expect(reason('https://github.com/octo-org/hello-world')).toMatch(/not an issue or a pull request/)
    expect(reason('https://github.com/octo-org/hello-world/issues/0')).toMatch(/not an issue/)
    expect(reason('https://linear.app/acme/project/roadmap-1')).toMatch(/Linear address is not an issue/)
    expect(reason('https://acme.atlassian.net/wiki/spaces/ENG')).toMatch(/does not name an issue/)
    expect(reason('https://acme.atlassian.net/browse/not a key')).toMatch(/not a Jira issue key/)
    expect(reason('https://gitlab.com/acme/app/-/issues/3')).toMatch(/gitlab.com is not a tracker/)
    expect(reason('https://user:pw@github.com/a/b/issues/1')).toMatch(/user name or password/)
    expect(reason(`https://github.com/a/b/issues/1?${'x'.repeat(2_000)}`)).toMatch(/longer than/)
  })
})

describe('issueLinkLabel and githubIssueKey', () => {
  it('reads as the chip shows it', () => {
    expect(issueLinkLabel({ tracker: 'jira', key: 'ABC-123' })).toBe('JIRA ABC-123')
    expect(issueLinkLabel({ tracker: 'github', key: 'owner/repo#12' })).toBe('GitHub owner/repo#12')
    expect(issueLinkLabel({ tracker: 'linear', key: 'ENG-123' })).toBe('Linear ENG-123')
  })

  it('names a GitHub issue the same whatever the case of the repository', () => {
    expect(githubIssueKey('Codertocat/Hello-World', 1)).toBe(githubIssueKey('codertocat/hello-world', '1'))
  })
})
