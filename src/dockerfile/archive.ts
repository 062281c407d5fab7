/**
 * Which local files `ADD` extracts. BuildKit decides by content, not by name
 * (solver/llbsolver/file/unpack.go, util/archiveutil): a regular file is
 * extracted when, after gzip, bzip2, xz or zstd decompression (chosen by its
 * leading bytes), Go's archive/tar reads a first header from it. A name only
 * hints at that; `archiveSuffix` is the hint, `readArchive` the decision.
 */
import { zlib } from '../builtins.js';

/** How many leading bytes `readArchive` wants: enough compressed input to inflate a tar header. */
export const ARCHIVE_HEAD_BYTES = 4096;

const TAR_BLOCK = 512;

export type Compression = 'gzip' | 'bzip2' | 'xz' | 'zstd';

/**
 * What ADD does with a file of this content:
 * - `tar`: extracts it (a tar header, compressed or not);
 * - `compressed`: a compressed stream dockshift cannot look inside (bzip2, xz, zstd, or gzip
 *   it could not inflate far enough): ADD extracts it if it holds a tar;
 * - `plain`: copies it as it is, as COPY would.
 */
export type ArchiveVerdict =
  | { readonly kind: 'tar'; readonly compression: Compression | null }
  | { readonly kind: 'compressed'; readonly compression: Compression }
  | { readonly kind: 'plain' };

/**
 * Decides from a file's first bytes. `whole` says the bytes are the entire file
 * (it is shorter than what was asked for), which settles short streams.
 */
export function readArchive(head: Uint8Array, whole: boolean): ArchiveVerdict {
  const compression = compressionOf(head);
  if (compression === null) return isTarHeader(head) ? { kind: 'tar', compression: null } : { kind: 'plain' };
  if (compression !== 'gzip') return { kind: 'compressed', compression };
  let inflated: Uint8Array;
  try {
    const { gunzipSync, constants } = zlib();
    inflated = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    // Corrupt within the bytes read, or a form zlib rejects: BuildKit might still read a header first.
    return { kind: 'compressed', compression };
  }
  if (inflated.length < TAR_BLOCK && !whole) return { kind: 'compressed', compression };
  return isTarHeader(inflated) ? { kind: 'tar', compression } : { kind: 'plain' };
}

/** The compression BuildKit's DecompressStream detects from the leading bytes, or null. */
export function compressionOf(head: Uint8Array): Compression | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2'; // "BZh"
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (starts(0x1f, 0x8b, 0x08)) return 'gzip';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  // A zstd skippable frame: magic 0x184D2A50..5F, little-endian, with its 4-byte length.
  if (head.length >= 8 && head[3] === 0x18 && head[2] === 0x4d && head[1] === 0x2a && (head[0]! & 0xf0) === 0x50) return 'zstd';
  return null;
}

/**
 * Whether Go's archive/tar would take the first 512 bytes as a header: a block
 * shorter than 512 bytes or all zeros ends the archive before any entry, and a
 * header's checksum field (octal, padded with spaces or NULs) must equal the sum
 * of its bytes, counted unsigned or signed, with the field itself read as spaces.
 * Later fields are not checked, so a checksum that happens to match counts as tar:
 * the safe side for a transform that wants to know ADD does nothing more than COPY.
 */
export function isTarHeader(bytes: Uint8Array): boolean {
  if (bytes.length < TAR_BLOCK) return false;
  const block = bytes.subarray(0, TAR_BLOCK);
  if (block.every((b) => b === 0)) return false;
  const field = Buffer.from(block.subarray(148, 156)).toString('latin1');
  const trimmed = field.replace(/^[ \0]+|[ \0]+$/g, '');
  const digits = trimmed.split('\0')[0]!;
  if (trimmed !== '' && !/^[0-7]+$/.test(digits)) return false;
  const stored = trimmed === '' ? 0 : parseInt(digits, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < TAR_BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += b;
    signed += b < 0x80 ? b : b - 0x100;
  }
  return stored === unsigned || stored === signed;
}

/**
 * Names that usually hold a tar archive, compressed or not, or a compressed stream
 * that might: hadolint's list (DL3020), the zstd and lz4 forms BuildKit or users
 * add, and package formats that are tar archives (`.gem`, `.crate`, `.ova`,
 * Alpine's `.apk`, `.ipk`). Lower case; names are compared case-insensitively.
 * `.zip`, `.jar`, `.war`, `.whl`, `.deb` and `.rpm` are not here: ADD copies those as they are.
 */
const ARCHIVE_SUFFIXES = [
  '.tar', '.gz', '.tgz', '.taz', '.z', '.tz', '.bz2', '.tbz', '.tbz2', '.tb2', '.xz', '.txz', '.lz', '.lzma', '.tlz',
  '.tpz', '.zst', '.zstd', '.tzst', '.lz4', '.gem', '.crate', '.ova', '.apk', '.ipk',
] as const;

/** The archive-like suffix `name` ends with (`.tar.gz` gives `.gz`), or null. */
export function archiveSuffix(name: string): string | null {
  const lower = name.toLowerCase();
  return ARCHIVE_SUFFIXES.find((s) => lower.endsWith(s)) ?? null;
}

/**
 * Whether some name that ends in `tail` could end in an archive suffix: true when
 * `tail` ends in one, or is itself the end of one (`gz`, `.tar.g`, `''`).
 */
export function tailMayBeArchive(tail: string): boolean {
  const lower = tail.toLowerCase();
  return ARCHIVE_SUFFIXES.some((s) => lower.endsWith(s) || s.endsWith(lower));
}
