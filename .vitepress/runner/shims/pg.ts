/** The `pg` client in a browser, which cannot open a socket to a PostgreSQL server. */
import { unavailable } from './unavailable.ts'

const notHere = unavailable('A PostgreSQL server (the pg client)')

export default {
  Pool: notHere,
  Client: notHere,
  types: { getTypeParser: notHere },
}
