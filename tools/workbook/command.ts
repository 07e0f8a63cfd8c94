/** What every workbook command shares: a clear message and exit code 1 for a mistake in what was typed. */
import { red } from './style.ts'

/** The command line asked for something that does not exist; the message says what does. */
export class UsageError extends Error {}

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
