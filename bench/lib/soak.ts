import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JsonTestResults } from 'vitest/reporters'
import { repoPath, repoRoot } from '../../tools/workbook/paths.ts'
import type { Report } from './report.ts'

const TESTS = 'test/reliability'

/**
 * The reliability tests at full size (`RELIABILITY_SOAK=1`, see test/reliability/support/soak.ts): `npm test`
 * runs them small, to stay under about 5 minutes. Their output goes to this terminal; the report gets whether
 * they passed, how many tests ran and how long they took. A failed soak makes the bench exit with 1.
 */
export async function measureSoak(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'es-bench-soak-'))
  const jsonFile = join(dir, 'vitest.json')
  try {
    console.log(`\nSoak: vitest run ${TESTS} with RELIABILITY_SOAK=1`)
    const start = performance.now()
    const child = spawn(
      'npx',
      [
        'vitest',
        'run',
        TESTS,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${jsonFile}`,
      ],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...process.env, RELIABILITY_SOAK: '1' },
      },
    )
    const [code, signal] = (await once(child, 'exit')) as [
      number | null,
      NodeJS.Signals | null,
    ]
    const seconds = (performance.now() - start) / 1000
    const results = readResults(jsonFile)
    const passed = code === 0 && results?.success === true
    const files = (results?.testResults ?? []).map((file) => ({
      file: repoPath(file.name),
      tests: file.assertionResults.length,
      passed: file.assertionResults.filter((t) => t.status === 'passed').length,
      seconds: (file.endTime - file.startTime) / 1000,
    }))
    const tests = results?.numTotalTests ?? 0
    const passedTests = results?.numPassedTests ?? 0
    report.add(
      {
        title: `Reliability soak (${TESTS} at full size)`,
        settings: 'RELIABILITY_SOAK=1; test files run side by side, one a core',
        columns: ['Test file', 'Tests', 'Passed', 'Seconds'],
        rows: [
          ...files.map((f) => [
            f.file,
            String(f.tests),
            String(f.passed),
            f.seconds.toFixed(1),
          ]),
          [
            '**all, wall time**',
            String(tests),
            String(passedTests),
            seconds.toFixed(1),
          ],
        ],
      },
      {
        passed,
        exitCode: code,
        signal,
        tests,
        passedTests,
        failedTests: results?.numFailedTests ?? 0,
        seconds,
        files,
      },
    )
    report.expect({
      what: `Reliability soak: every test of ${TESTS} passes at full size`,
      measured: results
        ? `${passedTests} of ${tests} passed in ${seconds.toFixed(0)} s`
        : `vitest wrote no results (exit ${code ?? signal})`,
      goal: 'all pass',
      met: passed,
    })
    if (!passed) process.exitCode = 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function readResults(path: string): JsonTestResults | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as JsonTestResults
  } catch {
    return undefined
  }
}
