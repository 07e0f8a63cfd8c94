/** Lesson 12 runs as a learner runs it, and prints what the lesson teaches. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCourse } from '../../tools/workbook/course.ts'
import { repoRoot } from '../../tools/workbook/paths.ts'
import {
  ANSI,
  expectEverySectionRan,
  npmRun,
  type CommandResult,
} from './run-workbook.ts'

const lesson = (await loadCourse()).lessons.find((l) => l.number === 12)!
const learnerDir = mkdtempSync(join(tmpdir(), 'learner-'))
afterAll(() => rmSync(learnerDir, { recursive: true, force: true }))

/** What the lesson could leave behind: the lesson's own temp dirs, and SQLite files in the workbook. */
const lessonTempDirs = () =>
  readdirSync(tmpdir()).filter((entry) => entry.startsWith('lesson-12-'))
const databaseFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => !f.startsWith('node_modules') && /\.db(-wal|-shm)?$/.test(f),
  )

describe("npm run lesson 12, from a learner's own directory", () => {
  let result: CommandResult
  let tempBefore: string[]
  let databasesBefore: string[]

  beforeAll(async () => {
    tempBefore = lessonTempDirs()
    databasesBefore = databaseFiles(join(repoRoot, 'lessons'))
    result = await npmRun('lesson', ['12'], { cwd: learnerDir })
  }, 120_000)

  it('runs every section, in the order of the Python original, and succeeds', () => {
    expectEverySectionRan(result, lesson)
  })

  it('shows what was stored, versions, positions and the closed in-memory store', () => {
    expect(result.stdout).toContain('SQLite driver available: true')
    expect(result.stdout).toContain(
      'Stored NoteCreated: version 1, global position 1',
    )
    expect(result.stdout).toContain('Loaded 1 event back, stream at version 1')
    expect(result.stdout).toContain(
      'through a repository: version 2, content "Updated: Discuss Q4 roadmap and budget"',
    )
    expect(result.stdout).toContain('After the block: isConnected false')
    expect(result.stdout).toContain(
      'A new :memory: store starts empty: global position 0',
    )
  })

  it("shows the file store's -wal and -shm files while open, and that they and the database are gone after", () => {
    expect(result.stdout).toMatch(
      /Files while the store is open: tutorial_notes\.db \([\d.]+ KB\), tutorial_notes\.db-shm \([\d.]+ KB\), tutorial_notes\.db-wal \([\d.]+ KB\)/,
    )
    expect(result.stdout).toMatch(
      /Files after close: tutorial_notes\.db \([\d.]+ KB\) \(/,
    )
    expect(result.stdout).toContain(
      'Reopened and loaded: "Development Notes", version 1',
    )
    expect(result.stdout).toContain(
      'Cleaned up: removed tutorial_notes.db; files left: none',
    )
  })

  it('shows every option of the configuration table', () => {
    for (const row of [
      /^database +":memory:" +":memory:"$/m,
      /^walMode +false +false$/m,
      /^busyTimeout +5000 ms +10000 ms$/m,
      /^enableTracing +true +false$/m,
      /^eventRegistry +defaultRegistry/m,
      /^isConnected +true +true$/m,
    ]) {
      expect(result.stdout).toMatch(row)
    }
    expect(result.stdout).toContain('A file store: walMode true')
  })

  it('runs the fixture tests with vitest and shows the fresh-registry pitfall', () => {
    expect(result.stdout).toContain(
      '✓ NoteAggregate on a fresh SQLite store › starts every test with an empty database',
    )
    expect(result.stdout).toContain(
      '✓ the eventStore fixture › closed it after that test, and opens another',
    )
    expect(result.stdout).toContain(
      'Empty registry: save() throws EventTypeNotFoundError for "NoteCreated"',
    )
    expect(result.stdout).toContain(
      'Registry with NoteCreated and NoteUpdated: saved at version 1',
    )
  })

  it('shows a store per environment, and the errors for a missing DATABASE_URL and an unknown APP_ENV', () => {
    expect(result.stdout).toContain(
      'APP_ENV=development: SQLite ./data/events.db → SQLiteEventStore, connected: true',
    )
    expect(result.stdout).toContain(
      'APP_ENV=testing: SQLite :memory: → SQLiteEventStore, connected: true',
    )
    expect(result.stdout).toContain(
      'APP_ENV=production: PostgreSQL postgres://app:***@db.internal:5432/events',
    )
    expect(result.stdout).toContain(
      'APP_ENV=production, no DATABASE_URL: ConfigurationError: APP_ENV is production, so DATABASE_URL must be set',
    )
    expect(result.stdout).toContain(
      'APP_ENV=prod (a typo): ConfigurationError: APP_ENV is "prod", which is not an environment.',
    )
    expect(result.stdout).not.toContain('s3cret')
  })

  it('migrates to PostgreSQL on PGlite: the naive loop, then migrateEvents with a progress bar, timed and verified', () => {
    expect(result.stdout).toContain('Source: ')
    expect(result.stdout).toContain('with 1,000 events of 100 notes')
    expect(result.stdout).toMatch(
      /Naive loop: 300 events, one transaction each \([\d.]+ s, [\d,]+ events\/s\), then it died/,
    )
    expect(result.stdout).toContain(
      '[██████████████████████████████] 1,000/1,000 events',
    )
    expect(result.stdout).toMatch(
      /migrateEvents: copied 700 in batches of 500 \([\d.]+ s, [\d,]+ events\/s\); skipped 300 already there/,
    )
    expect(result.stdout).toContain(
      'Verified: true, 100 streams with the same event ids, versions and checksums',
    )
    expect(result.stdout).toContain(
      'Run again: copied 0, skipped 1000, verified: true',
    )
  })

  it("leaves nothing behind: not in the learner's directory, not in the temp dir, no database in the workbook", () => {
    expect(readdirSync(learnerDir)).toEqual([])
    expect(lessonTempDirs()).toEqual(tempBefore)
    expect(databaseFiles(join(repoRoot, 'lessons'))).toEqual(databasesBefore)
  })

  it('prints no colour codes when its output is not a terminal', () => {
    expect(result.stdout).not.toMatch(ANSI)
  })
})
