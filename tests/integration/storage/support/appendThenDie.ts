/**
 * Run as a child process by appendJournal.test.ts: opens the data directory's store as the server does,
 * appends `count` one-byte updates to `room`, prints their numbers as a JSON line and kills itself with
 * SIGKILL — no close, no fold: what is stored is what the journal holds.
 *
 * Usage: tsx appendThenDie.ts <dataDir> <room> <count>
 */
import { openDataDirStore } from '../../../../server/storage/dataDirStore.js';

const [dataDir, room, count] = process.argv.slice(2);
const store = openDataDirStore(dataDir!, (reason) => {
  throw reason;
});
const seqs: number[] = [];
for (let i = 0; i < Number(count); i++) seqs.push(await store.appendUpdate(room!, Uint8Array.of(i % 256)));
process.stdout.write(`${JSON.stringify(seqs)}\n`, () => process.kill(process.pid, 'SIGKILL'));
