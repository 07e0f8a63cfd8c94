import { DriverNotInstalledError, StoreConnectionError } from '../errors.ts'

/**
 * Imports a database driver when a store first needs it, never when the library is imported: the drivers
 * are optional peer dependencies, and an app installs only those of the stores it uses. `load` is a literal
 * `import('package')`, so bundlers still see it.
 */
export async function importDriver<T>(
  packageName: string,
  what: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (isNotFound(error, packageName))
      throw new DriverNotInstalledError(packageName, what, { cause: error })
    throw new StoreConnectionError(
      `${packageName}, ${what}, is installed but did not load: ${error instanceof Error ? error.message : String(error)}. Reinstall it (npm install ${packageName}).`,
      { cause: error },
    )
  }
}

/** Node's error for the package itself missing (not for a file missing inside it). */
function isNotFound(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as {
    code?: unknown
    message?: unknown
  }
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(`'${packageName}'`)
  )
}
