/** Marks the part of an exercise still to write; `npm run verify` says so. */
export class TodoError extends Error {
  override name = 'TodoError'
}

/** Throws until you replace the call with your code. */
export function todo(what: string): never {
  throw new TodoError(
    `TODO: ${what}. Replace the todo(...) call with your code.`,
  )
}
