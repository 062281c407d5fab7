/**
 * Facts that instructions set and later instructions read: an ENV value, a
 * setting a RUN writes to a config file, a tool a RUN upgrades. Asking "what
 * holds at this point?" by walking back over the file costs O(n) per
 * question, O(n²) for a file with thousands of RUNs; a timeline walks the
 * file once and answers each question with a binary search.
 */
import { stageLineage } from './stages.js';
import type { Instruction, ParsedDockerfile, Stage } from './types.js';

export interface TimelineEvent<V> {
  /** File offset where it happens (inside its instruction). */
  readonly at: number;
  readonly value: V;
  /** Seen by stages built FROM this one (ENV, files), or only later in its own stage (ARG). */
  readonly inherited: boolean;
}

export class Timeline<V> {
  /** Per stage, in file order. */
  private readonly events = new Map<number, TimelineEvent<V>[]>();
  /** Per stage, its last inherited event: what stages built FROM it see. */
  private readonly passedOn = new Map<number, TimelineEvent<V>>();

  /** `collect` says what each instruction sets; it is called once per instruction of a stage. */
  constructor(
    private readonly file: ParsedDockerfile,
    collect: (inst: Instruction) => readonly TimelineEvent<V>[],
  ) {
    for (const stage of file.stages) {
      const list: TimelineEvent<V>[] = [];
      for (const inst of stage.instructions) list.push(...collect(inst));
      list.sort((a, b) => a.at - b.at);
      this.events.set(stage.index, list);
      const last = list.filter((e) => e.inherited).at(-1);
      if (last !== undefined) this.passedOn.set(stage.index, last);
    }
  }

  /**
   * The value in force just before file offset `at` in `stage`: the last event
   * of the stage before it, else the last inherited one of the nearest stage it
   * builds on that has one. Undefined when nothing was set.
   */
  before(stage: Stage, at: number): V | undefined {
    const own = this.events.get(stage.index) ?? [];
    let lo = 0;
    let hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (own[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) return own[lo - 1]!.value;
    for (const s of stageLineage(this.file, stage).slice(1)) {
      const inherited = this.passedOn.get(s.index);
      if (inherited !== undefined) return inherited.value;
    }
    return undefined;
  }
}
