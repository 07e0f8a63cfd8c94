/** What every workbook command shares: its command line, and a clear message for a mistake in it. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { dim, red } from './style.ts'

/** The command line asked for something that does not exist; the message says what does. */
export class UsageError extends Error {}

export interface CommandLine<B extends string, S extends string> {
  positionals: string[]
  flags: Record<B, boolean>
  options: Partial<Record<S, string>>
}

/**
 * Parses a command's arguments. `npm run verify 12-1 --solution`, without the `--` before the flag, makes
 * npm take `--solution` for one of its own settings: it warns, and hands it on only as the variable
 * `npm_config_solution`. Such flags are taken from there too (`--section x` leaves `x` as an argument), and
 * the learner is shown the usual form.
 */
export function commandLine<B extends string = never, S extends string = never>(
  command: string,
  spec: {
    flags?: readonly B[]
    options?: readonly S[]
    short?: Partial<Record<B | S, string>>
  },
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): CommandLine<B, S> {
  const { flags = [], options = [] } = spec
  const short: Partial<Record<string, string>> = spec.short ?? {}
  const option = (
    name: string,
    type: 'boolean' | 'string',
  ): [string, { type: 'boolean' | 'string'; short?: string }] => {
    const letter = short[name]
    return [name, letter ? { type, short: letter } : { type }]
  }
  const config: NonNullable<ParseArgsConfig['options']> = Object.fromEntries([
    ...flags.map((name) => option(name, 'boolean')),
    ...options.map((name) => option(name, 'string')),
  ])
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: config,
  })
  const positionals = [...parsed.positionals]
  const values = parsed.values as Record<string, string | boolean | undefined>
  const forgotten: string[] = []
  for (const name of [...flags, ...options]) {
    const fromNpm = env[`npm_config_${name}`]
    if (fromNpm === undefined || values[name] !== undefined) continue
    if ((flags as readonly string[]).includes(name)) {
      values[name] = fromNpm !== 'false' && fromNpm !== ''
      forgotten.push(`--${name}`)
    } else {
      // `--section x` makes npm set section=true and pass x on as an argument.
      const value = fromNpm === 'true' ? positionals.pop() : fromNpm
      if (value === undefined) throw new UsageError(`--${name} needs a value.`)
      values[name] = value
      forgotten.push(`--${name} ${value}`)
    }
  }
  if (forgotten.length > 0) {
    const usual = `npm run ${command} ${positionals.join(' ')} -- ${forgotten.join(' ')}`
    console.log(
      dim(
        `(npm took ${forgotten.join(' ')} for a setting of its own; the usual form is: ${usual.replace(/ +/g, ' ')})`,
      ),
    )
  }
  return {
    positionals,
    flags: Object.fromEntries(
      flags.map((name) => [name, values[name] === true]),
    ) as Record<B, boolean>,
    options: Object.fromEntries(
      options.flatMap((name) =>
        typeof values[name] === 'string' ? [[name, values[name]]] : [],
      ),
    ) as Partial<Record<S, string>>,
  }
}

export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (error) {
    // parseArgs reports an unknown option as a TypeError with a code of ERR_PARSE_ARGS_*.
    const usage =
      error instanceof UsageError ||
      String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')
    console.error(
      red(
        usage
          ? (error as Error).message
          : `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
    )
    process.exitCode = 1
  }
}
