import { type Actor, hashPassword, type Repositories } from '@misalign/db'
import { NewApiToken, NewUser, type Role, roles } from '@misalign/shared'
import { Type } from 'typebox'
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../lib/secrets'
import { CliError, check, generatePassword, parseOptions, required } from './input'
import { usage } from './usage'

export const cliActor: Actor = { id: null, label: 'cli' }

export interface CommandContext {
  out(text: string): void
  err(text: string): void
  /** The first line of piped standard input, if any. */
  readStdinLine(): Promise<string | undefined>
  /** Opens the database, migrates, runs `work`, closes. Only called once the input is valid. */
  withRepos<T>(work: (repos: Repositories) => Promise<T>): Promise<T>
}

function parseRole(value: string): Role {
  if (!(roles as readonly string[]).includes(value))
    throw new CliError(`--role must be one of ${roles.join(', ')}, got "${value}"`)
  return value as Role
}

async function findUser(repos: Repositories, email: string) {
  const user = await repos.users.findCredentials(email)
  if (!user) throw new CliError(`No user has the email ${email}`)
  return user
}

export async function userCreate(args: string[], ctx: CommandContext): Promise<void> {
  const command = 'user create'
  const values = parseOptions(
    args,
    { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string', multiple: true } },
    command,
  )
  if (values.help) return ctx.out(`${usage.userCreate}\n`)
  const email = required(values, 'email', command)
  const displayName = required(values, 'name', command)
  const role = parseRole(required(values, 'role', command))
  const slugs = [...new Set((values.team ?? []).map((slug) => slug.trim()))]

  const piped = await ctx.readStdinLine()
  const password = piped ?? generatePassword()
  check(
    NewUser,
    { email, displayName, role, password },
    { email: '--email', displayName: '--name', role: '--role', password: 'The password' },
  )
  const passwordHash = await hashPassword(password)

  await ctx.withRepos(async (repos) => {
    if (await repos.users.findCredentials(email)) throw new CliError(`A user with the email ${email} already exists`)
    const teamIds = await repos.users.findTeamIdsBySlugs(slugs)
    const unknown = slugs.filter((slug) => !teamIds.has(slug))
    if (unknown.length > 0) throw new CliError(`No active team has the slug ${unknown.map((s) => `"${s}"`).join(', ')}`)
    const user = await repos.users.create(
      { email, displayName, role, passwordHash, teamIds: slugs.map((slug) => teamIds.get(slug) as string) },
      cliActor,
    )
    ctx.out(
      [
        `Created user ${user.id}`,
        `  email: ${user.email}`,
        `  name:  ${user.displayName}`,
        `  role:  ${user.role}`,
        `  teams: ${slugs.length > 0 ? slugs.join(', ') : '(none)'}`,
        ...(piped === undefined ? [`Password (shown once): ${password}`] : []),
        '',
      ].join('\n'),
    )
  })
}

export async function userRole(args: string[], ctx: CommandContext): Promise<void> {
  const command = 'user role'
  const values = parseOptions(args, { email: { type: 'string' }, role: { type: 'string' } }, command)
  if (values.help) return ctx.out(`${usage.userRole}\n`)
  const email = required(values, 'email', command)
  const role = parseRole(required(values, 'role', command))

  await ctx.withRepos(async (repos) => {
    const user = await findUser(repos, email)
    if (user.role === role) return ctx.out(`${user.email} is already ${role}; nothing changed\n`)
    const changed = await repos.users.setRole(user.id, role, cliActor)
    if (!changed) throw new CliError(`No user has the email ${email}`)
    ctx.out(`${user.email}: ${user.role} → ${changed.role}\n`)
  })
}

export async function tokenCreate(args: string[], ctx: CommandContext): Promise<void> {
  const command = 'token create'
  const values = parseOptions(args, { email: { type: 'string' }, label: { type: 'string' } }, command)
  if (values.help) return ctx.out(`${usage.tokenCreate}\n`)
  const email = required(values, 'email', command)
  const label = values.label?.trim() ?? ''
  check(Type.Object({ label: NewApiToken.properties.label }), { label }, { label: '--label' })

  await ctx.withRepos(async (repos) => {
    const user = await findUser(repos, email)
    // It could never be used: sign-in refuses disabled users, tokens included.
    if (user.disabledAt) throw new CliError(`${user.email} is disabled; enable the user before creating a token`)
    // Same format as POST /api/v1/tokens.
    const token = `${API_TOKEN_PREFIX}${newSecret()}`
    await repos.sessions.createToken({ userId: user.id, label, tokenHash: sha256(token), prefix: token.slice(0, 10) }, cliActor)
    // Only the token goes to standard output, so TOKEN=$(pnpm cli token create ...) captures it.
    ctx.err(`Created an API token for ${user.email}${label ? ` (${label})` : ''}. It is shown once: store it now.\n`)
    ctx.out(`${token}\n`)
  })
}
