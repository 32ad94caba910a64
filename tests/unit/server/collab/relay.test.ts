import type { Writable } from 'node:stream';
import * as ws from 'ws';
import { describe, expect, it } from 'vitest';
import { binaryFrame } from '../../../../server/collab/relay.js';

/** `ws`'s own frame parser (its type declarations leave it out). */
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean; binaryType: string }) => Writable };

/** What a `ws` client makes of the bytes: the messages it reads, binary or not. */
function received(bytes: Buffer): Promise<Array<{ data: Buffer; isBinary: boolean }>> {
  return new Promise((done, fail) => {
    const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
    const messages: Array<{ data: Buffer; isBinary: boolean }> = [];
    receiver.on('message', (data: Buffer, isBinary: boolean) => messages.push({ data: Buffer.from(data), isBinary }));
    receiver.on('error', fail);
    receiver.write(bytes, () => done(messages));
  });
}

describe('binaryFrame', () => {
  it('frames a binary message as `ws` reads it, at every length class of RFC 6455', async () => {
    for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 300_000]) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256);
      const frame = binaryFrame(message);
      // Two frames back to back: each ends exactly where it should.
      const messages = await received(Buffer.concat([frame, frame]));
      expect(messages, `length ${length}`).toHaveLength(2);
      for (const { data, isBinary } of messages) {
        expect(isBinary).toBe(true);
        expect(data.equals(Buffer.from(message)), `length ${length}`).toBe(true);
      }
    }
  });
});
