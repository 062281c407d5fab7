/** The shell layer shared by RUN transforms: read a body, find commands, edit it. */
export { BODY_REFUSALS, runBody, effectiveShell, readsStartupFiles, shellQuote, unEditedParsed, unEditedScripts, unEditedInterpreter, type UnEditedScript, type RunBody, type BodyRefusal, type BodyRefusalCode, type EffectiveShell } from './body.js';
export { scriptConstants, withConstants, type ScriptConstant } from './constants.js';
export { caseAt, endsEarly, functionBodies, parseScript, isValidShell, statementsEndingInExec, statementsRunningOnWithoutExec } from './parse.js';
export { alwaysBefore, folderMove, ranWhenDone, STAYS, thenMove, unknownMove, type FolderMove } from './order.js';
export { shebangOf, type Shebang } from './shebang.js';
export { asInvoked, asRunBy, commandText, cargoSubcommand, composerInvocation, invokedProgram, invokedTool, programWords, pythonModule, programWordsOf, recognise, recogniseAll, recogniseUseraddLink, packageCommands, runsApplet, unreadRunner } from './commands.js';
export type { ComposerInvocation, InvokedProgram } from './commands.js';
export { cachesFilled, PIP_DOWNLOADS } from './fills.js';
export { RUNNER_PROGRAMS } from './runners.js';
export { readPythonTool, type PythonTool, type PythonToolArgs } from './pythonTools.js';
export { cacheKind, cacheKindIn, cacheOfWord } from './caches.js';
export { archiveWritten, curlTakesValue, readInstall, type InstallArgs } from './files.js';
export { builtinCall, errexitBefore, errexitCommand, SHELL_PROGRAMS, scriptFileOf, shellCommandString, shellInvocation, SU_PROGRAMS, shellOperand, type ShellInvocation } from './options.js';
export { innerScript, nestedShellStrings, shellString, type ShellString } from './strings.js';
export { cacheMounts, expandedCacheMounts, mounts, mountTypes, secretEnvironment, type CacheMount, type Mount } from './mounts.js';
export {
  EDIT_REFUSALS,
  appendCommand,
  appendCommands,
  appendWords,
  commandLineIndent,
  continuedLayout,
  fileEnd,
  fileRunLayout,
  fileStart,
  insertAfter,
  insertFlag,
  removeCommand,
  renderRun,
  replaceRange,
  replaceWords,
  runLayout,
  withoutCommentLines,
  type EditResult,
  type FileRunLayout,
  type RunContinuation,
  type Joiner,
  type RunLayout,
} from './edit.js';
export type * from './types.js';
export type { CaseBranch } from './parse.js';
