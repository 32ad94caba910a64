/**
 * A scan as a test uploads it (issue 10, item 4): a real PNG (signature, IHDR, IDAT, IEND, each with its
 * CRC), grey, of the size asked, its pixels drawn from a seed — so two scans differ when their seeds do.
 */
import { crc32, deflateSync } from 'node:zlib';
import { seededRandom } from '../../common/seededRandom.js';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A greyscale PNG of `width` × `height` pixels. */
export function pngScan(width = 64, height = 48, seed = 1): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 0; // greyscale
  const random = seededRandom(seed);
  const rows: Buffer[] = [];
  for (let row = 0; row < height; row++) {
    const line = Buffer.alloc(width + 1); // filter byte 0, then the pixels
    for (let column = 1; column <= width; column++) line[column] = Math.floor(random() * 256);
    rows.push(line);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const image = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
  return new Uint8Array(image);
}
