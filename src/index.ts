/**
 * The `dockshift` package: the programmatic API and what a transform of your own is
 * written with. `dockshift/testing` holds the fixture test helper.
 */
export { run, transformText, DockshiftError, type RunOptions, type RunResult, type FileRecord, type RunSummaryRecord, type TransformTextOptions, type TextResult } from './api.js';
export type { Fix } from './engine/regions.js';
export { generatedHeader, type GeneratedHeader } from './engine/generated.js';
export type { ReportFormat } from './report/types.js';
export { REPORT_FORMATS } from './report/types.js';

// Writing a transform.
export {
  defineTransform,
  change,
  reviewChange,
  dependingOn,
  forRules,
  refusal,
  newFile,
  fileEdit,
  type Transform,
  type TransformMeta,
  type TransformContext,
  type Touches,
  type Finding,
  type ChangeFinding,
  type RefusalFinding,
  type NewFileFinding,
  type FileEditFinding,
  type Edit,
  type Tier,
  type OptionSpec,
  type OptionValue,
  type Keyword,
  type InstructionOp,
  type RuntimeFact,
  type SizeEffect,
  type AppliedChange,
  type ReportedRefusal,
  type ProposedFile,
  type RuntimeChange,
} from './engine/types.js';
export type { BuildContext, ContextDockerfiles, ContextEntry, EntryKind, SharingDockerfile, Walk } from './engine/context.js';

// The Dockerfile model and its helpers.
export { parseDockerfile } from './dockerfile/parse.js';
export type * from './dockerfile/types.js';
export { attachedComments, keyword, keywordCase, insertLinesBefore, insertLinesAfter, insertLinesBelow, appendLines, removeInstruction, moveBefore, replaceFromImage } from './dockerfile/edit.js';
export { properties, globalArgs, variablesAt, resolveBase, type Variable, type Variables, type Property, type ResolvedBase } from './dockerfile/variables.js';
export { expandWord, unquoteWord, type Expansion, type Lookup } from './dockerfile/words.js';
export { stageReferences, resolveStage, stagesFeedingFinal, unusedStages, type StageReference, type StageRefKind } from './dockerfile/graph.js';
export { stageLineage, rootStage, shippedStages, shellAt, isWindowsStage, descendantStages, type EffectiveShell as StageShell } from './dockerfile/stages.js';
export { runtimeFacts, type RuntimeFacts } from './dockerfile/runtime.js';

// RUN bodies: the shell layer.
export * from './shell/index.js';
