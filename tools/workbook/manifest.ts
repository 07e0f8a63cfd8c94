/**
 * What a lesson declares about itself in `lessons/NN-slug/lesson.ts`. The tooling finds everything else by
 * convention, from the lesson's folder (see lessons/README.md). This file imports nothing, so a lesson's
 * manifest can use its types without importing the tooling.
 */

/** A part of a lesson, in `sections/<name>.ts`, whose default export runs it (given a SectionRun). */
export interface SectionManifest {
  /** Its `--section` name, and its file's name. */
  name: string
  title: string
  /**
   * Why the section cannot run in a reader's browser, when it cannot (it needs files, child processes,
   * vitest or a database server): the site then shows its output as printed at build time, and says so.
   * Every other section gets a Run button on the site.
   */
  notInBrowser?: string
}

/**
 * What the runner tells a section's default export when it runs it. Sections that share costly work (lesson
 * 8's one vitest run for its five files) use it to do only the work of the sections that run.
 */
export interface SectionRun {
  /** The names of the sections this run runs, in order: every one of the lesson's, or one alone. */
  sections: readonly string[]
}

/** An exercise: the learner's file in `exercises/`, the stub its solution makes (see lessons/README.md). */
export interface ExerciseManifest {
  /** `<lesson>-<n>`, such as `12-1`. */
  id: string
  title: string
  /** The file's name in the lesson's `exercises/` folder and in its `solutions/` folder. */
  file: string
  /**
   * Why its checks cannot run in a reader's browser, when they cannot (they need files, a database
   * server, or vitest beyond describe, test, expect and onTestFinished). Every other exercise gets an
   * editor on its lesson's page, with a Check that runs the checks of `npm run verify`.
   */
  notInBrowser?: string
}

export interface LessonManifest {
  number: number
  sections: readonly SectionManifest[]
  exercises: readonly ExerciseManifest[]
}

/**
 * A known wrong answer: the exercise's reference solution with one mistake made in it. Each `replace` pair
 * must match the solution exactly once, so a change to the solution cannot leave a stale mistake behind.
 */
export interface Mistake {
  /** A short name, such as `restarts-from-zero`. */
  name: string
  /** What is wrong, in a sentence. */
  what: string
  replace: readonly (readonly [find: string, replaceWith: string])[]
  /** Words from the names of the checks that must fail for it. */
  fails: readonly string[]
  /** Words the message of the first check in `fails` must hold: the explanation a learner needs. */
  says?: readonly string[]
  /** The mistake makes the answer loop for ever: the checks must stop it, and say so. */
  hangs?: boolean
}
