import * as fs from 'node:fs';
import * as path from 'node:path';
import { crypto } from '../builtins.js';

/** Larger files are not Dockerfiles anyone writes by hand; reading them would stall a bulk run. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** unreadable: the file system said no; not-text: read, but not text we could write back byte for byte. */
export type ReadFailureKind = 'unreadable' | 'not-text';

export type ReadResult = { ok: true; text: string; mode: number } | { ok: false; kind: ReadFailureKind; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `p` is a regular file (after symlinks); false when missing or unreadable. */
export function isFile(p: string): boolean {
  try {
    // Missing is the usual answer: no error is built for it.
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/**
 * Reads a Dockerfile as text, refusing anything we could not write back
 * byte-for-byte: binary files, invalid UTF-8, huge files. The BOM is kept as
 * U+FEFF at offset 0 so it survives the round trip.
 */
export function readDockerfile(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { ok: false, kind: 'unreadable', message: describeFsError(err, 'cannot read') };
  }
  if (stat.isDirectory()) return { ok: false, kind: 'unreadable', message: 'is a directory' };
  if (!stat.isFile()) return { ok: false, kind: 'unreadable', message: 'is not a regular file' };
  if (stat.size > MAX_FILE_BYTES) return { ok: false, kind: 'not-text', message: `file is larger than ${MAX_FILE_BYTES} bytes (${stat.size}); skipped` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, kind: 'unreadable', message: describeFsError(err, 'cannot read') };
  }
  if (bytes.includes(0)) return { ok: false, kind: 'not-text', message: 'file is binary (contains NUL bytes); skipped' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, kind: 'not-text', message: 'file is not valid UTF-8; left unchanged' };
  }
  return { ok: true, text, mode: stat.mode & 0o7777 };
}

/**
 * Replaces a file's contents atomically: write a temp file in the same folder,
 * fsync, then rename over the original, so a crash leaves the old or the new
 * file and never half of one. Symlinks are resolved so the link stays a link.
 */
export function writeAtomic(file: string, text: string, mode: number): void {
  let target: string;
  try {
    target = fs.realpathSync(file);
    // A rename would replace a file the user may not write (mode 0444, say); refuse as an editor would.
    fs.accessSync(target, fs.constants.W_OK);
  } catch (err) {
    throw new Error(describeFsError(err, 'cannot write'));
  }
  const tmp = tempPathFor(target);
  try {
    writeTemp(tmp, text, mode);
    fs.renameSync(tmp, target);
  } catch (err) {
    removeQuietly(tmp);
    throw new Error(describeFsError(err, 'cannot write'));
  }
}

/** Creates a new file, never replacing one that exists (even one created meanwhile). */
export function createExclusive(file: string, text: string): 'created' | 'exists' {
  if (fs.existsSync(file)) return 'exists';
  const tmp = tempPathFor(file);
  try {
    writeTemp(tmp, text, 0o644);
    fs.linkSync(tmp, file);
    return 'created';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw new Error(describeFsError(err, 'cannot create'));
  } finally {
    removeQuietly(tmp);
  }
}

/**
 * Replaces an existing text file with `after`, atomically, only while it still reads `before`
 * (a file changed since a transform read it is left alone). Keeps the file's mode.
 */
export function replaceIfUnchanged(file: string, before: string, after: string): 'written' | 'stale' {
  const current = readDockerfile(file);
  if (!current.ok || current.text !== before) return 'stale';
  writeAtomic(file, after, current.mode);
  return 'written';
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.dockshift-tmp-${process.pid}-${crypto().randomBytes(4).toString('hex')}-${path.basename(target)}`);
}

function writeTemp(tmp: string, text: string, mode: number): void {
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // openSync's mode is filtered by the umask; the original mode must survive.
  fs.chmodSync(tmp, mode);
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone or never made.
  }
}

export function describeFsError(err: unknown, action: string): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return `${action}: no such file`;
    case 'EACCES':
    case 'EPERM':
      return `${action}: permission denied`;
    case 'ENOSPC':
      return `${action}: no space left on device`;
    case 'EROFS':
      return `${action}: read-only file system`;
    case 'ELOOP':
      return `${action}: too many levels of symbolic links`;
    case 'EISDIR':
      return `${action}: is a directory`;
    default:
      return `${action}: ${e.message ?? String(err)}`;
  }
}
