/** Slack's mrkdwn treats these three as markup: https://api.slack.com/reference/surfaces/formatting#escaping */
export const escapeMrkdwn = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/** Text inside a <url|text> link, where a pipe would end it. */
export const escapeLinkText = (s: string): string => escapeMrkdwn(s).replaceAll('|', '¦')

/** At most `n` characters, an ellipsis saying when it was cut (Slack's option texts stop at 75). */
export const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`)
