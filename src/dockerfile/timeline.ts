/**
 * Facts that instructions set and later instructions read: an ENV value, a
 * setting a RUN writes to a config file, a tool a RUN upgrades. Asking "what
 * holds at this point?" by walking back over the file costs O(n) per
 * question, O(n²) for a file with thousands of RUNs; a timeline walks the
 * file once and answers each question with a binary search.
 */
import { countBefore } from '../sorted.js';
import { parentStage } from './stages.js';
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
  /** Per stage, what it sees from the stages it builds on: the last inherited event of the nearest one that has one. */
  private readonly fromAbove = new Map<number, TimelineEvent<V>>();

  /** `collect` says what each instruction sets; it is called once per instruction of a stage. */
  constructor(
    file: ParsedDockerfile,
    collect: (inst: Instruction) => readonly TimelineEvent<V>[],
  ) {
    // Stages build only on earlier ones: a parent's answers are known before its children ask.
    const passedOn = new Map<number, TimelineEvent<V>>();
    for (const stage of file.stages) {
      const list: TimelineEvent<V>[] = [];
      for (const inst of stage.instructions) list.push(...collect(inst));
      list.sort((a, b) => a.at - b.at);
      this.events.set(stage.index, list);
      const parent = parentStage(file, stage);
      const above = parent === null ? undefined : passedOn.get(parent.index);
      if (above !== undefined) this.fromAbove.set(stage.index, above);
      const last = list.findLast((e) => e.inherited) ?? above;
      if (last !== undefined) passedOn.set(stage.index, last);
    }
  }

  /**
   * The value in force just before file offset `at` in `stage`: the last event
   * of the stage before it, else the last inherited one of the nearest stage it
   * builds on that has one. Undefined when nothing was set.
   */
  before(stage: Stage, at: number): V | undefined {
    const own = this.events.get(stage.index) ?? [];
    const last = own[countBefore(own, (e) => e.at < at) - 1] ?? this.fromAbove.get(stage.index);
    return last?.value;
  }
}
