/**
 * Runs the exercise checkers on the answers given as JSON (exercise id to a list of files) in argv, in one
 * vitest run, and prints one line of JSON a answer: what passed and what failed. The exercise tests start
 * it as a child process, since a checker's expected failures must not fail the suite that checks them.
 */
import { passed, runChecks } from '../../tools/workbook/checks.ts'
import { findExercise } from '../../tools/workbook/exercises.ts'

const plan: Record<string, string[]> = JSON.parse(process.argv[2] ?? '{}')
const reports = await runChecks(
  new Map(Object.entries(plan).map(([id, files]) => [findExercise(id), files])),
)
for (const report of reports) {
  const failing = [...report.ownTests, ...report.checks].filter(
    (test) => test.state !== 'passed',
  )
  console.log(
    JSON.stringify({
      exercise: report.exercise.id,
      file: report.file,
      passed: passed(report),
      checks: report.checks.length,
      failing: failing.map((test) => ({
        name: test.path.at(-1),
        message: test.failures[0]?.message ?? test.state,
      })),
      errors: report.errors.map((error) => error.message),
    }),
  )
}
