/**
 * The course as it is on disk: every lesson folder with a lesson.ts, its sections and its exercises, with
 * the paths the tooling finds by convention. Nothing here lists lessons: adding a folder adds a lesson.
 *
 *   lessons/NN-slug/lesson.ts               the manifest: number, sections, exercises
 *   lessons/NN-slug/sections/<name>.ts      a section; its default export runs it
 *   lessons/NN-slug/exercises/<file>        the learner's file: the stub its solution makes
 *   lessons/NN-slug/exercises/hints/<id>.md the hints, one `## Hint N` section a step
 *   lessons/NN-slug/checks/<id>.check.ts    the checker (vitest)
 *   solutions/NN-slug/<file>                the reference solution, with the stub's TODOs marked
 *   solutions/NN-slug/<id>.mistakes.ts      known wrong answers, as the solution with one mistake
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UsageError } from './command.ts'
import type { LessonManifest, Mistake } from './manifest.ts'
import { absolutePath, learnerPath, repoRoot } from './paths.ts'
import { series } from './series.ts'

export interface Section {
  name: string
  title: string
  /** Relative to the repository. */
  file: string
  /** Why it cannot run in a browser, when it cannot. */
  notInBrowser?: string
}

export interface Exercise {
  id: string
  title: string
  lesson: number
  /** The learner's file, relative to the repository (see learnerPath). */
  file: string
  /** The reference solution, relative to the repository. */
  solution: string
  /** The vitest file that checks an answer. */
  check: string
  /** Markdown, one `## Hint N` section a step. */
  hints: string
  /** The known wrong answers' file. */
  mistakes: string
  /** Why its checks cannot run in a browser, on the lesson's page, when they cannot. */
  notInBrowser?: string
}

export interface Lesson {
  number: number
  title: string
  phase: string
  /** The folder's name, such as `12-sqlite`. */
  slug: string
  /** Relative to the repository. */
  dir: string
  sections: readonly Section[]
  exercises: readonly Exercise[]
}

export interface Course {
  lessons: readonly Lesson[]
  exercises: readonly Exercise[]
}

const LESSON_FOLDER = /^(\d{2})-[a-z0-9-]+$/

/** The lesson folders that hold a manifest, in lesson order. */
export function lessonFolders(): string[] {
  return readdirSync(join(repoRoot, 'lessons'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && LESSON_FOLDER.test(entry.name))
    .filter((entry) =>
      existsSync(join(repoRoot, 'lessons', entry.name, 'lesson.ts')),
    )
    .map((entry) => entry.name)
    .sort()
}

let loaded: Promise<Course> | undefined

/** Reads every lesson's manifest once. */
export function loadCourse(): Promise<Course> {
  loaded ??= (async () => {
    const lessons = await Promise.all(lessonFolders().map(loadLesson))
    return { lessons, exercises: lessons.flatMap((lesson) => lesson.exercises) }
  })()
  return loaded
}

async function loadLesson(slug: string): Promise<Lesson> {
  const dir = `lessons/${slug}`
  const manifestUrl = pathToFileURL(absolutePath(`${dir}/lesson.ts`)).href
  const manifest = ((await import(manifestUrl)) as { default: LessonManifest })
    .default
  const number = Number(LESSON_FOLDER.exec(slug)![1])
  const entry = series.find((candidate) => candidate.number === number)
  if (!entry || manifest.number !== number) {
    throw new Error(
      `${dir}/lesson.ts declares lesson ${manifest.number}, but its folder names lesson ${number}` +
        (entry
          ? '.'
          : `, which the series does not have (tools/workbook/series.ts).`),
    )
  }
  return {
    number,
    title: entry.title,
    phase: entry.phase,
    slug,
    dir,
    sections: manifest.sections.map((section) => ({
      ...section,
      file: `${dir}/sections/${section.name}.ts`,
    })),
    exercises: manifest.exercises.map((exercise) => ({
      id: exercise.id,
      title: exercise.title,
      lesson: number,
      file: learnerPath(`${dir}/exercises/${exercise.file}`),
      solution: `solutions/${slug}/${exercise.file}`,
      check: `${dir}/checks/${exercise.id}.check.ts`,
      hints: `${dir}/exercises/hints/${exercise.id}.md`,
      mistakes: `solutions/${slug}/${exercise.id}.mistakes.ts`,
      notInBrowser: exercise.notInBrowser,
    })),
  }
}

/** An exercise's known wrong answers. */
export async function loadMistakes(exercise: Exercise): Promise<Mistake[]> {
  const url = pathToFileURL(absolutePath(exercise.mistakes)).href
  return ((await import(url)) as { default: Mistake[] }).default
}

/** An exercise by its id, `04-1`; the lesson's number may come without its leading zero, `4-1`. */
export async function findExercise(id: string): Promise<Exercise> {
  const { exercises } = await loadCourse()
  const wanted = id.replace(/^(\d)-/, '0$1-')
  const exercise = exercises.find((candidate) => candidate.id === wanted)
  if (!exercise) {
    throw new UsageError(
      `There is no exercise "${id}". Exercises: ${exercises.map((e) => e.id).join(', ')}.`,
    )
  }
  return exercise
}
