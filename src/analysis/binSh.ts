/**
 * Which shell /bin/sh is in the image a stage builds on: dash on Debian and Ubuntu, busybox ash
 * on Alpine and BusyBox, bash in Red Hat's family and openSUSE. They differ where transforms care: dash reads
 * `a &>f` as `a &` and `>f` (ash and bash as a redirection), and dash runs the one command of a
 * `-c` string as its child where ash and bash replace themselves with it (checked with dash
 * 0.5.12, busybox 1.35 and bash 5.2). Null when the image is not known.
 */
import { rootStage } from '../dockerfile/stages.js';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { releaseFamily, shIsBash } from '../knowledge/index.js';
import { knownBaseImage } from './stageTools.js';

export type BinSh = 'dash' | 'ash' | 'bash';

export function binSh(file: ParsedDockerfile, stage: Stage): BinSh | null {
  const image = knownBaseImage(file, stage);
  if (image === null) {
    const root = rootStage(file, stage);
    return root.base.kind === 'image' && !root.base.ref.hasVariables && shIsBash(root.base.ref.name) ? 'bash' : null;
  }
  const family = releaseFamily(image.release);
  if (family === 'debian' || family === 'ubuntu') return 'dash';
  if (family === 'alpine' || family === 'busybox') return 'ash';
  if (shIsBash(image.repository.path) || ['oraclelinux', 'centos', 'rockylinux', 'almalinux', 'ubi', 'fedora', 'opensuse', 'amazonlinux', 'azurelinux', 'cbl-mariner'].includes(family)) return 'bash';
  return null;
}
