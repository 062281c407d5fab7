/**
 * What git stores for a file of a working tree, as far as its index tells: the blob a patch's
 * `index` line must name for `git apply -3` to find it. git stores a file through its clean
 * conversion: under `core.autocrlf=true` or a `.gitattributes` `text`/`eol=crlf`, a CRLF
 * working file is stored with LF endings. Rather than read git's configuration files and
 * attributes (system, global, repository, worktree, includes, macros), the index says what
 * git did with the file when it last looked at it: it records the blob and the working file's
 * size then.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitBlobId } from './diff.js';
import { findRepository } from './gitRepository.js';
import { RecentMap } from './recentMap.js';

/**
 * How a patch shows a file so that `git apply -3` finds its blob:
 * - `as-is`: git stores the bytes on disk (the usual case: no CRLF, or git keeps it);
 * - `lf`: git stores it with LF endings, and shows and applies diffs of that text (as
 *   `git diff` does; `git apply` converts the working file before and after);
 * - `unknown`: CRLF text for which the index does not say, so no blob can be named.
 */
export type BlobForm = 'as-is' | 'lf' | 'unknown';

/** `file` (a real path) with the text `text`: in which form git stores it. */
export function blobFormOf(file: string, text: string): BlobForm {
  // Only CRLF is converted by eol rules; text without it is stored as it is.
  if (!text.includes('\r\n')) return 'as-is';
  // A file of mixed endings would come back from git all CRLF: the patch would not give --write's bytes.
  const mixed = /(?<!\r)\n/.test(text);
  const repo = findRepository(path.dirname(file));
  if (repo === null) return 'as-is';
  const entry = indexOf(repo.gitDir)?.get(path.relative(repo.top, file).split(path.sep).join('/'));
  if (entry === undefined) return 'unknown';
  const bytes = Buffer.from(text, 'utf8');
  if (gitBlobId(bytes) === entry.oid) return 'as-is';
  // The blob is this text with LF endings, and when git recorded it the working file had this
  // text's size, not the blob's: git converted the file's CRLF to store it.
  const lf = Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8');
  if (!mixed && entry.size === bytes.length && gitBlobId(lf) === entry.oid) return 'lf';
  return 'unknown';
}

export interface IndexEntry {
  /** The blob's id (SHA-1, hex). */
  readonly oid: string;
  /** The working file's size when git last recorded it (the low 32 bits). */
  readonly size: number;
}

/** Indexes read in this run, by file, with the mtime and size they were read at. */
const indexes = new RecentMap<string, { mtimeMs: number; size: number; entries: ReadonlyMap<string, IndexEntry> | null }>(8);

function indexOf(gitDir: string): ReadonlyMap<string, IndexEntry> | null {
  const file = path.join(gitDir, 'index');
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (stat === undefined) return null;
  const known = indexes.get(file);
  if (known !== undefined && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.entries;
  let entries: ReadonlyMap<string, IndexEntry> | null;
  try {
    entries = parseIndex(fs.readFileSync(file));
  } catch {
    entries = null;
  }
  indexes.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, entries });
  return entries;
}

/**
 * The merged (stage 0) entries of a git index file, versions 2 to 4 (git's
 * Documentation/gitformat-index.txt), by path; null when it is not one this reads. A path
 * it does not hold (a split or sparse index keeps some elsewhere) is simply not known.
 */
export function parseIndex(bytes: Buffer): ReadonlyMap<string, IndexEntry> | null {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'DIRC') return null;
  const version = bytes.readUInt32BE(4);
  if (version < 2 || version > 4) return null;
  const count = bytes.readUInt32BE(8);
  const entries = new Map<string, IndexEntry>();
  let at = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    // ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 each), the SHA-1 (20), flags (2).
    if (at + 62 > bytes.length) return null;
    const size = bytes.readUInt32BE(at + 36);
    const oid = bytes.toString('hex', at + 40, at + 60);
    const flags = bytes.readUInt16BE(at + 60);
    let p = at + 62;
    if ((flags & 0x4000) !== 0) {
      if (version < 3) return null;
      p += 2;
    }
    let name: Buffer;
    if (version === 4) {
      // The name is the previous one less N bytes at its end, then these bytes (N: git's varint).
      let c = bytes[p++];
      if (c === undefined) return null;
      let strip = c & 0x7f;
      while ((c & 0x80) !== 0) {
        c = bytes[p++];
        if (c === undefined || strip > 0xffff) return null;
        strip = ((strip + 1) << 7) | (c & 0x7f);
      }
      const end = bytes.indexOf(0, p);
      if (end === -1 || strip > previous.length) return null;
      name = Buffer.concat([previous.subarray(0, previous.length - strip), bytes.subarray(p, end)]);
      at = end + 1;
    } else {
      const end = bytes.indexOf(0, p);
      if (end === -1) return null;
      name = bytes.subarray(p, end);
      // Padded with 1 to 8 NULs to a multiple of 8 bytes from the entry's start.
      at += (end - at + 8) & ~7;
    }
    previous = name;
    if (((flags >> 12) & 3) === 0) entries.set(name.toString('utf8'), { oid, size });
  }
  return entries;
}
