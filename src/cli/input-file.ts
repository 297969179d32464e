/**
 * Reading a data file the user names (`--input`, `--metadata`): only a regular file, and
 * only up to MAX_FILE_BYTES. A FIFO or `/dev/zero` would otherwise block or grow without
 * bound, and a huge file abort Node; they are refused with one line (exit 2) before a
 * byte is read.
 *
 * The path is looked at first (stat), so a device is never even opened; the file is then
 * opened without blocking (a FIFO swapped in meanwhile cannot hang the command), checked
 * again through the open descriptor, and read into a buffer one byte larger than its
 * size, so a file that grows while it is read is noticed rather than read without end.
 */
import * as nodeFs from "node:fs";
import { KostraError } from "../kostra/errors";
import { MAX_FILE_BYTES } from "../kostra/limits";
import { cannotRead, grewWhileRead, isFolder, notRegularFile, tooLarge } from "./file-problems";

const OPEN_FOR_READING = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0);

function checkKind(path: string, stats: nodeFs.Stats, limit: number): void {
  if (stats.isDirectory()) throw isFolder(path);
  if (!stats.isFile()) throw notRegularFile(path);
  if (stats.size > limit) throw tooLarge(path, stats.size, limit);
}

export function readInputFile(path: string, limit: number = MAX_FILE_BYTES): Uint8Array {
  let fd: number;
  try {
    checkKind(path, nodeFs.statSync(path), limit);
    fd = nodeFs.openSync(path, OPEN_FOR_READING);
  } catch (e) {
    throw e instanceof KostraError ? e : cannotRead(path, e);
  }
  try {
    const stats = nodeFs.fstatSync(fd);
    checkKind(path, stats, limit);
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = nodeFs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > stats.size) throw grewWhileRead(path, limit);
    return buffer.subarray(0, length);
  } catch (e) {
    throw e instanceof KostraError ? e : cannotRead(path, e);
  } finally {
    nodeFs.closeSync(fd);
  }
}
