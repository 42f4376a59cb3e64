import { ConfigError, DataDirInUseError } from '@misalign/db'
import { DomainError } from '@misalign/shared'
import { type CommandContext, tokenCreate, userCreate, userRole } from './commands'
import { decisionsGroupUsage, decisionsImport } from './decisions-import'
import { incidentsGroupUsage, incidentsImport } from './incidents-import'
import { CliError, readFirstLine } from './input'
import { usage } from './usage'

/**
 * `pnpm cli …`: admin tasks that need no running app (the first admin, a role change, a token
 * for a script). Exit codes: 0 done, 1 failed, 2 the command line was wrong.
 */
const commands: Record<string, Record<string, (args: string[], ctx: CommandContext) => Promise<void>>> = {
  user: { create: userCreate, role: userRole },
  token: { create: tokenCreate },
  decisions: { import: decisionsImport },
  incidents: { import: incidentsImport },
}
const groupUsage: Record<string, string> = {
  user: usage.userGroup,
  token: usage.tokenGroup,
  decisions: decisionsGroupUsage,
  incidents: incidentsGroupUsage,
}
/** Commands of one word: `pnpm cli export --out <dir>` (loaded when run: it pulls in every register's service). */
const single: Record<string, (args: string[], ctx: CommandContext) => Promise<void>> = {
  export: async (args, ctx) => (await import('./export')).exportCommand(args, ctx),
}
const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help'

const context: CommandContext = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readStdinLine: () => readFirstLine(process.stdin),
  // Loaded only for a command that gets this far: help and input errors stay quick to answer.
  withServices: async (work) => (await import('./services')).withServices(work),
}

async function main(argv: string[]): Promise<number> {
  // pnpm passes a literal "--" through when people type "pnpm cli -- user create …".
  const args = argv[0] === '--' ? argv.slice(1) : argv
  const [group, name, ...rest] = args
  if (isHelp(group)) {
    context.out(`${usage.overall}\n`)
    return 0
  }
  const alone = group === undefined ? undefined : single[group]
  if (alone) {
    await alone(args.slice(1), context)
    return 0
  }
  const inGroup = group === undefined ? undefined : commands[group]
  if (group === undefined || !inGroup) {
    context.err(`${group === undefined ? '' : `Unknown command "${group}".\n\n`}${usage.overall}\n`)
    return 2
  }
  if (isHelp(name)) {
    context.out(`${groupUsage[group]}\n`)
    return 0
  }
  const command = name === undefined ? undefined : inGroup[name]
  if (name === undefined || !command) {
    context.err(`${name === undefined ? '' : `Unknown command "${group} ${name}".\n\n`}${groupUsage[group]}\n`)
    return 2
  }
  await command(rest, context)
  return 0
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    // Messages written for people, never a stack trace: these are the errors an operator meets.
    // A service's refusal (a rule, a missing row) is worded for people too.
    if (
      error instanceof CliError ||
      error instanceof DomainError ||
      error instanceof ConfigError ||
      error instanceof DataDirInUseError
    ) {
      process.stderr.write(`${error.message}\n`)
      process.exitCode = error instanceof CliError ? error.exitCode : 1
    } else {
      // Drizzle's own message quotes the query and its parameters (a password hash among them).
      let cause = error
      while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause
      const message = cause instanceof Error ? cause.message : String(cause)
      process.stderr.write(`The command failed: ${message.split('\n')[0]}\n`)
      process.exitCode = 1
    }
  })
