/**
 * The progress line of a long run on a terminal: files done of the total, changed,
 * errors and the rate, rewritten in place on stderr at most ten times a second. It is
 * erased before anything else is written to either stream and drawn again on the next
 * update, so it never lands inside the diff when stdout and stderr share the terminal.
 * (A line is all it is: the libraries for this draw bars or hide the cursor, and none
 * knows when our stdout is about to be written.)
 */
import type { Reported } from './engine/outcome.js';

const INTERVAL_MS = 100;
const DELAY_MS = 500;

export class Progress {
  private total = 0;
  private done = 0;
  private changed = 0;
  private errors = 0;
  private startedAt = 0;
  private drawnAt = 0;
  private shown = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly columns: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(total: number): void {
    this.total = total;
    this.startedAt = this.now();
  }

  update(status: Reported): void {
    this.done++;
    if (status === 'changed') this.changed++;
    if (status === 'error') this.errors++;
    const now = this.now();
    // A short run shows none; a long one redraws at most every INTERVAL_MS.
    if (now - this.startedAt < DELAY_MS || (now - this.drawnAt < INTERVAL_MS && this.done < this.total)) return;
    this.drawnAt = now;
    this.write(`\r${this.line(now).slice(0, Math.max(10, this.columns - 1))}\x1b[K`);
    this.shown = true;
  }

  /** Erases the line, if drawn; the next update draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }

  line(now = this.now()): string {
    const seconds = Math.max((now - this.startedAt) / 1000, 0.001);
    const rate = this.done / seconds;
    return `dockshift: ${this.done}/${this.total} files, ${this.changed} changed, ${this.errors} error${this.errors === 1 ? '' : 's'}, ${rate < 10 ? rate.toFixed(1) : Math.round(rate)} files/s`;
  }
}
