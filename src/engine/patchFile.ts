import * as fs from 'node:fs';

/**
 * `--patch-file`: each file's patch is appended, as the file finishes, to a
 * temporary file beside the target, which takes the target's name when the run
 * ends. Memory stays flat however many files change (a fleet run used to hold
 * every patch until the end), and the target never holds half a patch.
 */
export class PatchFile {
  private fd: number | null = null;
  private failure: Error | null = null;
  private readonly temp: string;

  constructor(private readonly target: string) {
    this.temp = `${target}.${process.pid}.tmp`;
  }

  add(patch: string): void {
    if (this.failure !== null || patch === '') return;
    try {
      this.fd ??= fs.openSync(this.temp, 'w');
      fs.writeSync(this.fd, patch);
    } catch (e) {
      this.failure = e as Error;
    }
  }

  /** Puts the patch in place (an empty one when nothing changed); the error that prevented it, or null. */
  finish(): Error | null {
    try {
      if (this.failure !== null) throw this.failure;
      if (this.fd === null) {
        fs.writeFileSync(this.target, '');
        return null;
      }
      fs.closeSync(this.fd);
      this.fd = null;
      fs.renameSync(this.temp, this.target);
      return null;
    } catch (e) {
      if (this.fd !== null) fs.closeSync(this.fd);
      fs.rmSync(this.temp, { force: true });
      const error = e as Error;
      // Name the file the user asked for, not the temporary one.
      return new Error(error.message.split(this.temp).join(this.target));
    }
  }
}
