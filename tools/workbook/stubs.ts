/**
 * For the workbook's authors: `tsx tools/workbook/stubs.ts --check` (run by `npm run lint`) fails when a
 * learner's file in lessons/ is not the stub its solution makes; `--write` makes them all again. On a
 * learner's checkout the files are their work, so only the authors' checks run this.
 */
import { commandLine, runCommand, UsageError } from './command.ts'
import { loadCourse } from './course.ts'
import { isUntouchedStub, writeStub } from './derived.ts'

await runCommand(async () => {
  const { flags } = commandLine('stubs', { flags: ['check', 'write'] })
  if (flags.check === flags.write)
    throw new UsageError('Usage: tsx tools/workbook/stubs.ts --check | --write')
  const { exercises } = await loadCourse()
  const stale: string[] = []
  for (const exercise of exercises) {
    if (flags.write) {
      await writeStub(exercise, exercise.file)
      continue
    }
    if (!(await isUntouchedStub(exercise))) stale.push(exercise.file)
  }
  if (stale.length > 0) {
    throw new UsageError(
      `Not the stub their solution makes: ${stale.join(', ')}. ` +
        'Run tsx tools/workbook/stubs.ts --write (a learner: npm run reset <exercise>).',
    )
  }
  console.log(
    flags.write
      ? `Wrote ${exercises.length} stubs from their solutions.`
      : `All ${exercises.length} stubs are what their solutions make.`,
  )
})
