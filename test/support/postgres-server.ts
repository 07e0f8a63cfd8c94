// A throwaway PostgreSQL server for tests and benchmarks: a fresh Debian cluster in a temp dir, on 127.0.0.1
// and a free port, run as a non-root user, removed when stopped. With DATABASE_URL set, that server is used.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'

export interface PostgresServer {
  /** A superuser's connection URL, to the `postgres` database. */
  readonly url: string
  stop(): void
}

export interface StartOptions {
  /** Keep fsync and synchronous commit on, as a production server has them (for benchmarks). Default false. */
  durable?: boolean
}

/** Debian puts initdb and pg_ctl in /usr/lib/postgresql/<version>/bin, not on PATH. */
export function findPostgresProgram(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, name))) return join(dir, name)
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root).sort((a, b) => Number(b) - Number(a))
    : []
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', name)))
      return join(root, version, 'bin', name)
  throw new Error(
    `${name} not found on PATH or in ${root}/*/bin: install PostgreSQL (apt-get install postgresql), or set DATABASE_URL to a server's URL.`,
  )
}

/** PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user the Debian package creates. */
function runAs(): { uid: number; gid: number; prefix: string[] } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  return {
    uid: id('-u'),
    gid: id('-g'),
    prefix: ['runuser', '-u', 'postgres', '--'],
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startPostgres({
  durable = false,
}: StartOptions = {}): Promise<PostgresServer> {
  const user = runAs()
  const dir = mkdtempSync(join(tmpdir(), 'es-postgres-'))
  const dataDir = join(dir, 'data')
  const passwordFile = join(dir, 'password')
  const password = randomBytes(16).toString('hex')
  writeFileSync(passwordFile, password, { mode: 0o600 })
  if (user)
    for (const path of [dir, passwordFile]) chownSync(path, user.uid, user.gid)
  chmodSync(dir, 0o700)
  const run = (program: string, args: string[]) => {
    const [command, ...rest] = [
      ...(user?.prefix ?? []),
      findPostgresProgram(program),
      ...args,
    ]
    execFileSync(command!, rest, { stdio: 'pipe', cwd: dir })
  }
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', dataDir, ...args])
  let started = false
  const stop = () => {
    process.off('exit', stop)
    try {
      if (started) pgCtl('-m', 'immediate', '-w', 'stop')
    } finally {
      started = false
      rmSync(dir, { recursive: true, force: true })
    }
  }
  // A test run that dies must not leave a server behind.
  process.on('exit', stop)
  try {
    run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=scram-sha-256',
      `--pwfile=${passwordFile}`,
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ])
    const settings = durable
      ? []
      : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      const conf = [
        `listen_addresses = '127.0.0.1'`,
        `port = ${port}`,
        `unix_socket_directories = '${dir}'`,
        'max_connections = 100',
        ...settings,
      ]
      appendFileSync(
        join(dataDir, 'postgresql.auto.conf'),
        `${conf.join('\n')}\n`,
      )
      try {
        pgCtl('-l', join(dir, 'server.log'), '-w', '-t', '60', 'start')
        started = true
        return {
          url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
          stop,
        }
      } catch (error) {
        // Another process may have taken the port between our probe and the server's start: try another.
        if (attempt === 3) throw error
      }
    }
  } catch (error) {
    stop()
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim()
    throw new Error(
      `Could not start a throwaway PostgreSQL server${detail ? `: ${detail}` : ''}`,
      { cause: error },
    )
  }
}

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/**
 * Gives the test file a database of its own, on the server at DATABASE_URL or on a throwaway server
 * started for the file; drops it (and stops the server) after the file's tests. Call at the top of a file.
 */
export function usePostgresDatabase(): { readonly url: string } {
  let server: PostgresServer | undefined
  let adminUrl = ''
  let url = ''
  const database = `es_test_${randomBytes(6).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  beforeAll(async () => {
    if (process.env.DATABASE_URL) adminUrl = process.env.DATABASE_URL
    else adminUrl = (server = await startPostgres()).url
    await admin(`CREATE DATABASE ${database}`)
    url = withDatabase(adminUrl, database)
  })
  afterAll(async () => {
    if (server) server.stop()
    else if (url)
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  })
  return {
    get url() {
      if (!url)
        throw new Error(
          'usePostgresDatabase(): the database exists only once beforeAll has run',
        )
      return url
    },
  }
}
