import type { Repositories } from '@misalign/db'
import { NewApiToken, NewUser, type Role, roles } from '@misalign/shared'
import { Type } from 'typebox'
import { CliError, check, generatePassword, parseOptions, required } from './input'
import type { CliSession } from './services'
import { usage } from './usage'

export interface CommandContext {
  out(text: string): void
  err(text: string): void
  /** The first line of piped standard input, if any. */
  readStdinLine(): Promise<string | undefined>
  /** Opens the database, migrates, builds the app's services, runs `work`, closes. Only called once the input is valid. */
  withServices<T>(work: (session: CliSession) => Promise<T>): Promise<T>
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

  // Lookups for friendly messages; the change itself goes through the same service as POST /users.
  await ctx.withServices(async ({ services, caller, repos }) => {
    if (await repos.users.findCredentials(email)) throw new CliError(`A user with the email ${email} already exists`)
    const teamIds = await repos.users.findTeamIdsBySlugs(slugs)
    const unknown = slugs.filter((slug) => !teamIds.has(slug))
    if (unknown.length > 0) throw new CliError(`No active team has the slug ${unknown.map((s) => `"${s}"`).join(', ')}`)
    const user = await services.users.create(caller, {
      email,
      displayName,
      role,
      password,
      teamIds: slugs.map((slug) => teamIds.get(slug) as string),
    })
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

  await ctx.withServices(async ({ services, caller, repos }) => {
    const user = await findUser(repos, email)
    if (user.role === role) return ctx.out(`${user.email} is already ${role}; nothing changed\n`)
    const changed = await services.users.changeRole(caller, user.id, role)
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

  await ctx.withServices(async ({ services, caller, repos }) => {
    const user = await findUser(repos, email)
    // The same service as POST /api/v1/tokens: one token format, one rule for disabled users.
    const { token } = await services.tokens.create(caller, { userId: user.id, label })
    // Only the token goes to standard output, so TOKEN=$(pnpm cli token create ...) captures it.
    ctx.err(`Created an API token for ${user.email}${label ? ` (${label})` : ''}. It is shown once: store it now.\n`)
    ctx.out(`${token}\n`)
  })
}
