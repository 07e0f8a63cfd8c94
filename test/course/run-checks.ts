/**
 * Runs the exercise checkers on the answers given as JSON (exercise id to a list of files) in argv, in one
 * run, and prints one line of JSON an answer: what passed and what failed. The course tests start it as a
 * child process, since a checker's expected failures must not fail the suite that checks them.
 */
import { passed, runChecks } from '../../tools/workbook/checks.ts'
import { findExercise } from '../../tools/workbook/course.ts'

const plan = JSON.parse(process.argv[2] ?? '{}') as Record<string, string[]>
const entries = await Promise.all(
  Object.entries(plan).map(
    async ([id, files]) => [await findExercise(id), files] as const,
  ),
)
for (const report of await runChecks(new Map(entries))) {
  const failing = [...report.ownTests, ...report.checks].filter(
    (test) => test.state !== 'passed',
  )
  console.log(
    JSON.stringify({
      exercise: report.exercise.id,
      file: report.file,
      passed: passed(report),
      checks: report.checks.length,
      typeErrors: report.typeErrors.map(
        (error) => `${error.file}:${error.line} ${error.code} ${error.message}`,
      ),
      failing: failing.map((test) => ({
        name: test.path.at(-1),
        message: test.failures[0]?.message ?? test.state,
      })),
      errors: report.errors.map((error) => error.message),
    }),
  )
}
