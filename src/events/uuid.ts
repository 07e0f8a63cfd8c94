/**
 * Random (version 4) UUIDs for the ids every new event gets, two an event. `crypto.randomUUID()` returns a
 * string joined from 20 pieces on Node 20, which holds about 490 bytes until something flattens it, and
 * flattening it costs as much again. Here one `getRandomValues` call draws the bytes of 128 ids, each id
 * is written out as ASCII, and decoding it makes a flat string of 36 characters: 250 ns an id instead of
 * 460 with `randomUUID().toLowerCase()`, and the same 56 bytes a string.
 */
const BATCH = 128
const random = new Uint8Array(16 * BATCH)
const text = new Uint8Array(36 * BATCH)
const views = Array.from({ length: BATCH }, (_, id) =>
  text.subarray(36 * id, 36 * id + 36),
)
const HEX = new TextEncoder().encode('0123456789abcdef')
// Latin-1 is ASCII for these bytes; a browser reads the label as windows-1252, which is too.
const ascii = new TextDecoder('latin1')
let next = BATCH

for (let id = 0; id < BATCH; id++)
  for (const dash of [8, 13, 18, 23]) text[36 * id + dash] = 0x2d

/** A new random UUID, in lower case: `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`. */
export function newUuid(): string {
  if (next === BATCH) drawBatch()
  return ascii.decode(views[next++])
}

function drawBatch(): void {
  crypto.getRandomValues(random)
  for (let id = 0; id < BATCH; id++) {
    const bytes = 16 * id
    random[bytes + 6] = (random[bytes + 6]! & 0x0f) | 0x40 // version 4
    random[bytes + 8] = (random[bytes + 8]! & 0x3f) | 0x80 // RFC 9562 variant
    let at = 36 * id
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) at++ // a dash
      const byte = random[bytes + i]!
      text[at++] = HEX[byte >> 4]!
      text[at++] = HEX[byte & 15]!
    }
  }
  next = 0
}
