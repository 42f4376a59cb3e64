import { randomBytes } from 'node:crypto'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import type { TSchema } from 'typebox'
import { schemaProblems } from '../lib/schema-check'

/** A failure the person can fix by changing what they asked for: one line, exit 1. */
export class CliError extends Error {
  readonly exitCode: number = 1
}

/** The command line itself is wrong (unknown command or option, missing option): exit 2. */
export class UsageError extends CliError {
  override readonly exitCode = 2
}

type Options = NonNullable<ParseArgsConfig['options']>

/** node:util parseArgs with `-h/--help` added and its errors turned into one-line usage errors. */
export function parseOptions<const O extends Options>(args: string[], options: O, command: string) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see: pnpm cli ${command} --help)`)
  }
}

export function required<T extends Record<string, unknown>>(values: T, name: keyof T & string, command: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required (see: pnpm cli ${command} --help)`)
  return value.trim()
}

/** Checks a value against a shared schema; `names` says how to call each field in the message. */
export function check(schema: TSchema, value: Record<string, unknown>, names: Record<string, string>): void {
  const problems = schemaProblems(schema, value)
  if (problems.length === 0) return
  throw new CliError(problems.map(({ field, message }) => `${names[field] ?? field} ${message}`).join('; '))
}

/** 24 URL-safe characters (144 bits): well past the 12-character minimum. */
export const generatePassword = () => randomBytes(18).toString('base64url')

/**
 * The first line of piped standard input, or undefined for a terminal or empty input.
 * A terminal is never read from: the password would echo on screen.
 */
export async function readFirstLine(stream: NodeJS.ReadStream): Promise<string | undefined> {
  if (stream.isTTY) return undefined
  stream.setEncoding('utf8')
  let text = ''
  for await (const chunk of stream) {
    text += chunk as string
    if (text.includes('\n')) break
  }
  const line = text.split('\n')[0]?.replace(/\r$/, '')
  return line ? line : undefined
}
