import type { Instruction } from '../dockerfile/types.js';
import type { FolderMove } from '../shell/order.js';
import type { ShellScript, SimpleCommand } from '../shell/types.js';

/** One command a stage runs: in a RUN, in CMD/ENTRYPOINT/HEALTHCHECK, or in a script one of those runs. */
export interface StageCommand {
  /** The instruction that runs it (for a command of a script: the instruction that runs the script). */
  readonly inst: Instruction;
  /** The program's name without its directory (`gcc`, `pip3`), seen through `sudo`, `env`, `VAR=x`. */
  readonly name: string;
  /** The words from the program on; null entries are not literals. */
  readonly argv: readonly (string | null)[];
  /** The command as written, for messages. */
  readonly text: string;
  /** The parsed command, when it comes from shell text. */
  readonly command: SimpleCommand | null;
  readonly script: ShellScript | null;
  /** Offset in the RUN's script that orders it among the instruction's commands (0 for CMD and scripts' own commands). */
  readonly order: number;
  /** The build-context file it was read from (a script the instruction runs), or null. */
  readonly via: string | null;
  /** Runs when the container runs (CMD, ENTRYPOINT, HEALTHCHECK), not while building. */
  readonly runtime: boolean;
  /** Where it runs, from the instruction's WORKDIR: its script's (or its caller's) `cd`s before it (paths.ts `commandPath`). */
  readonly folder: FolderMove;
}

/** Something whose commands cannot be read, so what it needs is not known. */
export interface Unknown {
  readonly inst: Instruction;
  /** What could not be read: `RUN ./install.sh`, `-r requirements.txt`. */
  readonly what: string;
  /** Why: `install.sh is not in the build context`. */
  readonly why: string;
}

/** What a build step needs from the image: a Debian package (a tool, headers) for a reason. */
export interface Need {
  readonly inst: Instruction;
  readonly order: number;
  /** The Debian package that provides it (`gcc`, `libpq-dev`). */
  readonly package: string;
  /** What needs it: `gcc -o app app.c`, `pip install psycopg2 (no wheels: builds from source)`. */
  readonly because: string;
}
