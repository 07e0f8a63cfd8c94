/** A function of a Node.js module a browser has no counterpart of: it says so when code calls it. */
export function unavailable(what: string): () => never {
  return () => {
    throw new Error(
      `${what} is not available in a browser: run this with npm run lesson on your machine.`,
    )
  }
}
