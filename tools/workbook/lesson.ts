/**
 * `npm run lesson` lists the lessons; `npm run lesson 12` runs one; `npm run lesson 12 -- --section <name>`
 * runs one section of it, and `--section <name>,<name>` some of them, in the order given.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { commandLine, runCommand, UsageError } from './command.ts'
import { loadCourse, type Lesson, type Section } from './course.ts'
import type { SectionRun } from './manifest.ts'
import { absolutePath } from './paths.ts'
import { series } from './series.ts'
import { bold, cyan, dim, green } from './style.ts'

const USAGE = 'Usage: npm run lesson [N] [-- --section <name>[,<name>...]]'

function listLessons(lessons: readonly Lesson[]): void {
  console.log(
    bold(
      `The Event Sourcing Workbook: ${series.length} lessons, ${lessons.length} available now`,
    ),
  )
  let phase = ''
  for (const entry of series) {
    if (entry.phase !== phase) console.log(`\n${bold((phase = entry.phase))}`)
    const available = lessons.some((lesson) => lesson.number === entry.number)
    const status = available
      ? green(`npm run lesson ${entry.number}`)
      : dim('upcoming')
    console.log(
      `  ${String(entry.number).padStart(2)}  ${entry.title.padEnd(36)} ${status}`,
    )
  }
  console.log(
    `\nRun one with ${cyan('npm run lesson <N>')}, or one section of it with ${cyan('npm run lesson <N> -- --section <name>')}.`,
  )
}

function findLesson(lessons: readonly Lesson[], argument: string): Lesson {
  const available = lessons.map((lesson) => lesson.number).join(', ')
  const number = Number(argument)
  const lesson = lessons.find((candidate) => candidate.number === number)
  if (lesson) return lesson
  const entry = series.find((candidate) => candidate.number === number)
  if (!entry || !/^\d+$/.test(argument))
    throw new UsageError(
      `There is no lesson "${argument}". The series has lessons 1 to ${series.length}; available now: ${available}. ${USAGE}`,
    )
  throw new UsageError(
    `Lesson ${entry.number}, "${entry.title}", is not written yet. Available now: ${available}. Run "npm run lesson" to see the series.`,
  )
}

function findSection(lesson: Lesson, name: string): Section {
  const section = lesson.sections.find((candidate) => candidate.name === name)
  if (!section) {
    throw new UsageError(
      `Lesson ${lesson.number} has no section "${name}". Its sections, in order: ${lesson.sections.map((s) => s.name).join(', ')}.`,
    )
  }
  return section
}

/** `--section a,b`: the sections named, in the order given. */
function findSections(lesson: Lesson, names: string): Section[] {
  return names.split(',').map((name) => findSection(lesson, name.trim()))
}

/** A section's module loads when it runs, so one section alone starts fast (PGlite and vitest are big). */
async function runSection(section: Section, run: SectionRun): Promise<void> {
  const module = (await import(
    pathToFileURL(absolutePath(section.file)).href
  )) as {
    default: (run: SectionRun) => Promise<void> | void
  }
  await module.default(run)
}

/** The entries of the directories the learner works in: the lesson must leave them as it found them. */
function workingDirectories(): Map<string, Set<string>> {
  const dirs = new Set([process.cwd(), process.env.INIT_CWD ?? process.cwd()])
  return new Map([...dirs].map((dir) => [dir, new Set(readdirSync(dir))]))
}

function leftBehind(before: Map<string, Set<string>>): string[] {
  return [...before].flatMap(([dir, entries]) =>
    readdirSync(dir)
      .filter((entry) => !entries.has(entry))
      .map((entry) => join(dir, entry)),
  )
}

async function runLesson(
  lesson: Lesson,
  chosen: Section[] | undefined,
): Promise<void> {
  const sections = chosen ?? lesson.sections
  const before = workingDirectories()
  console.log(bold(`Lesson ${lesson.number}: ${lesson.title}`))
  const started = performance.now()
  const run: SectionRun = { sections: sections.map((section) => section.name) }
  for (const [index, section] of sections.entries()) {
    const position =
      sections.length === 1 ? '' : `${index + 1}/${sections.length} `
    console.log(
      `\n${cyan(bold(`── ${position}${section.title}`))} ${dim(`(--section ${section.name})`)}`,
    )
    await runSection(section, run)
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const left = leftBehind(before)
  if (left.length > 0)
    throw new Error(
      `The lesson left files in your working directory: ${left.join(', ')}. Please report this.`,
    )
  const ran =
    sections.length === 1
      ? 'Section'
      : `${chosen ? '' : 'All '}${sections.length} sections`
  console.log(
    `\n${green('✓')} ${ran} ran in ${seconds} s; your working directory is as it was.`,
  )
  const [exercise] = lesson.exercises
  if (!chosen && exercise)
    console.log(
      `Next: the exercises. Start with ${cyan(`npm run verify ${exercise.id}`)}; stuck? ${cyan(`npm run hint ${exercise.id}`)}.`,
    )
}

await runCommand(async () => {
  const { positionals, options } = commandLine('lesson', {
    options: ['section'],
    short: { section: 's' },
  })
  if (positionals.length > 1)
    throw new UsageError(
      `Give one lesson number, not ${positionals.length}. ${USAGE}`,
    )
  const { lessons } = await loadCourse()
  const [argument] = positionals
  if (argument === undefined) {
    if (options.section !== undefined)
      throw new UsageError(
        `--section needs a lesson: npm run lesson 12 -- --section ${options.section}`,
      )
    return listLessons(lessons)
  }
  const lesson = findLesson(lessons, argument)
  await runLesson(
    lesson,
    options.section === undefined
      ? undefined
      : findSections(lesson, options.section),
  )
})
