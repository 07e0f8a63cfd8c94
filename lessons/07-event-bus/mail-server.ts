/** A stand-in for a mail server, that the lesson can take down. */

// #region mail-server
export class MailServer {
  /** Every mail sent, as "to <person>: <text>". */
  readonly sent: string[] = []
  /** Set it to false, and every send() fails. */
  up = true

  send(to: string, text: string): void {
    if (!this.up) throw new Error('the mail server is down')
    this.sent.push(`to ${to}: ${text}`)
  }
}
// #endregion mail-server
