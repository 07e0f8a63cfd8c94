/**
 * Runs the exercise checkers on the answers given as JSON (exercise id to a list of files) in argv, in one
 * run, and prints one line of JSON an answer: what passed and what failed. Files listed as JSON after it are
 * type-checked too, by the same type checker, which has read the library already: a last line holds their
 * errors. The course tests start it as a child process, since a checker's expected failures must not fail
 * the suite that checks them.
 */
import { passed, runChecks } from '../../tools/workbook/checks.ts'
import { findExercise } from '../../tools/workbook/course.ts'
import {
  typeCheckerInWorker,
  type TypeError,
} from '../../tools/workbook/typecheck.ts'

const plan = JSON.parse(process.argv[2] ?? '{}') as Record<string, string[]>
const typeCheckAlso = JSON.parse(process.argv[3] ?? 'null') as string[] | null
const entries = await Promise.all(
  Object.entries(plan).map(
    async ([id, files]) => [await findExercise(id), files] as const,
  ),
)
const described = (error: TypeError) =>
  `${error.file}:${error.line} ${error.code} ${error.message}`

const types = typeCheckerInWorker()
try {
  for (const report of await runChecks(new Map(entries), types)) {
    const failing = [...report.ownTests, ...report.checks].filter(
      (test) => test.state !== 'passed',
    )
    console.log(
      JSON.stringify({
        exercise: report.exercise.id,
        file: report.file,
        passed: passed(report),
        checks: report.checks.length,
        typeErrors: report.typeErrors.map(described),
        failing: failing.map((test) => ({
          name: test.path.at(-1),
          message: test.failures[0]?.message ?? test.state,
        })),
        errors: report.errors.map((error) => error.message),
      }),
    )
  }
  if (typeCheckAlso)
    console.log(
      JSON.stringify({
        typeChecked: (await types.check(typeCheckAlso)).map(described),
      }),
    )
} finally {
  await types.close()
}
