/**
 * `npm run lesson` lists the lessons; `npm run lesson 12` runs one; `npm run lesson 12 -- --section <name>`
 * runs one section of it.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  availableLessons,
  curriculum,
  type Lesson,
  type Section,
} from './curriculum.ts'
import { bold, cyan, dim, green } from './style.ts'
import { UsageError, runCommand } from './command.ts'

const USAGE = 'Usage: npm run lesson [N] [-- --section <name>]'

function listLessons(): void {
  console.log(
    bold(
      `The Event Sourcing Workbook: ${curriculum.length} lessons, ${availableLessons.length} available now`,
    ),
  )
  let phase = ''
  for (const entry of curriculum) {
    if (entry.phase !== phase) console.log(`\n${bold((phase = entry.phase))}`)
    const status = entry.load
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

async function findLesson(argument: string): Promise<Lesson> {
  const available = availableLessons.map((entry) => entry.number).join(', ')
  const entry = curriculum.find(
    (candidate) =>
      String(candidate.number) === argument.replace(/^0+(?=\d)/, ''),
  )
  if (!entry)
    throw new UsageError(
      `There is no lesson "${argument}". The series has lessons 1 to ${curriculum.length}; available now: ${available}. ${USAGE}`,
    )
  if (!entry.load)
    throw new UsageError(
      `Lesson ${entry.number}, "${entry.title}", is not written yet. Available now: ${available}. Run "npm run lesson" to see the series.`,
    )
  return entry.load()
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
  only: Section | undefined,
): Promise<void> {
  const sections = only ? [only] : lesson.sections
  const before = workingDirectories()
  console.log(bold(`Lesson ${lesson.number}: ${lesson.title}`))
  const started = performance.now()
  for (const [index, section] of sections.entries()) {
    const position = only ? '' : `${index + 1}/${sections.length} `
    console.log(
      `\n${cyan(bold(`── ${position}${section.title}`))} ${dim(`(--section ${section.name})`)}`,
    )
    await section.run()
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const left = leftBehind(before)
  if (left.length > 0)
    throw new Error(
      `The lesson left files in your working directory: ${left.join(', ')}. Please report this.`,
    )
  console.log(
    `\n${green('✓')} ${sections.length === 1 ? 'Section' : `All ${sections.length} sections`} ran in ${seconds} s; your working directory is as it was.`,
  )
  if (!only)
    console.log(
      `Next: the exercises. Start with ${cyan(`npm run verify ${lesson.number}-1`)}; stuck? ${cyan(`npm run hint ${lesson.number}-1`)}.`,
    )
}

await runCommand(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { section: { type: 'string', short: 's' } },
  })
  if (positionals.length > 1)
    throw new UsageError(
      `Give one lesson number, not ${positionals.length}. ${USAGE}`,
    )
  const [argument] = positionals
  if (argument === undefined) {
    if (values.section !== undefined)
      throw new UsageError(
        `--section needs a lesson: npm run lesson 12 -- --section ${values.section}`,
      )
    return listLessons()
  }
  const lesson = await findLesson(argument)
  await runLesson(
    lesson,
    values.section === undefined
      ? undefined
      : findSection(lesson, values.section),
  )
})
