import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * Deterministic stand-ins for update files: the same name always gives the same bytes, so the
 * demo catalog can carry real SHA-256/SHA-1 hashes of payloads the demo content source (and
 * the tests' loopback server) produce on the fly. A 1 MiB block derived from the name repeats,
 * each copy stamped with its index so no two blocks are equal.
 */
const blockSize = 1 << 20;

function baseBlock(name: string): Buffer {
  const block = Buffer.alloc(blockSize);
  for (let offset = 0, counter = 0; offset < blockSize; counter += 1) {
    const digest = createHash('sha256').update(`${name}:${counter}`).digest();
    offset += digest.copy(block, offset);
  }
  return block;
}

function blockAt(base: Buffer, index: number): Buffer {
  const block = Buffer.from(base);
  block.writeUInt32BE(index, 0);
  return block;
}

/** The bytes of `name` from `start` (inclusive) to `end` (exclusive), streamed. */
export function demoPayloadStream(name: string, size: number, start = 0, end = size): Readable {
  const base = baseBlock(name);
  let position = start;
  return new Readable({
    read() {
      if (position >= end) {
        this.push(null);
        return;
      }
      const index = Math.floor(position / blockSize);
      const within = position - index * blockSize;
      const take = Math.min(blockSize - within, end - position);
      this.push(blockAt(base, index).subarray(within, within + take));
      position += take;
    },
  });
}

export function demoPayloadHashes(name: string, size: number): { sha256: string; sha1: string } {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  const base = baseBlock(name);
  for (let offset = 0, index = 0; offset < size; index += 1, offset += blockSize) {
    const block = blockAt(base, index).subarray(0, Math.min(blockSize, size - offset));
    sha256.update(block);
    sha1.update(block);
  }
  return { sha256: sha256.digest('hex'), sha1: sha1.digest('hex') };
}
