/**
 * What a stage (and every stage built on it) runs, and what each command needs
 * from the image: shared by the transforms that change a base image.
 */
export type * from './types.js';
export { stageCommands, type StageScan } from './commands.js';
export { cargoCompiles, stageNeeds, muslProblems, olderThan, short, type StageNeeds } from './needs.js';
export { systemInstalls, installedBefore, runsBefore, type SystemInstall } from './installs.js';
export { pipRequirements, npmPackages, parseRequirement, pipInstall, nodeInstall, type PipRequirement, type NpmPackage } from './dependencies.js';
export { cgoWithoutCompiler, copiedArtefacts, copiedNativeUnknowns, copiedStageProgram, copiedPackageNeeds, imageFileLibc, imageOnly, rootImage, runsDotnetAppHost, takesFrom, type CopiedArtefact, type Linkage } from './artefacts.js';
export { originOf, absolutePath, workdirAt, copyArgs, type PathOrigin } from './paths.js';
export { stagesBuiltOn, stagesInScope } from './scope.js';
export { baseOf, switchEdits, sizeEffect, variantBeside, BASE_REFUSALS, type BaseOf, type BaseRefusalCode, type SwitchEdits } from './base.js';
export { runForAlpine, ALPINE_RUN_REFUSALS, type AlpineRun, type AlpineRunCode } from './toAlpine.js';
