/**
 * The lesson's subscriber: it mails each person a notice when a task is
 * given to them. It fails in the two ways the lesson needs: for a moment,
 * while the mail server is down, and for good, for a person the directory
 * has no address for, until someone adds one.
 */
import { Projection } from 'eventsource-ts'
import { TaskAssigned, TaskReassigned } from '../03-first-aggregate/tasks.ts'

// #region mail-server
/** A mail server in memory: it keeps what it sent, and can be down. */
export class MailServer {
  readonly sent: string[] = []
  /** How many sends it refused while it was down. */
  refused = 0
  #down = 0

  /** Refuses the next `sends` sends, as a server that is restarting. */
  goDown(sends: number): void {
    this.#down = sends
  }

  async send(address: string, text: string): Promise<void> {
    if (this.#down > 0) {
      this.#down--
      this.refused++
      throw new Error('Mail server unavailable: try again in a moment.')
    }
    this.sent.push(`${address}: ${text}`)
  }
}
// #endregion mail-server

// #region notices
/** Mails a notice to each new assignee, at the address the directory has. */
export class AssignmentNotices extends Projection {
  readonly name = 'assignment-notices'

  constructor(
    readonly directory: Map<string, string>,
    readonly mail: MailServer,
  ) {
    super()
    this.on(TaskAssigned, ({ aggregateId, assignee }) =>
      this.#notify(assignee, aggregateId),
    )
    this.on(TaskReassigned, ({ aggregateId, newAssignee }) =>
      this.#notify(newAssignee, aggregateId),
    )
  }

  async #notify(person: string, taskId: string): Promise<void> {
    const address = this.directory.get(person)
    if (address === undefined)
      throw new Error(`No address for ${person}: add one to the directory.`)
    await this.mail.send(address, `${taskId} is yours now`)
  }
}
// #endregion notices

/** The team's directory, as the lesson starts: carol is not in it yet. */
export function teamDirectory(): Map<string, string> {
  return new Map([
    ['alice', 'alice@example.com'],
    ['bob', 'bob@example.com'],
  ])
}
