import type { Transform } from '../src/engine/types.js';
import addDownload from './add-download.js';
import addToCopy from './add-to-copy.js';
import alpineBase from './alpine-base.js';
import cleanupInLayer from './cleanup-in-layer.js';
import collapseRun from './collapse-run.js';
import curlFail from './curl-fail.js';
import depsFirst from './deps-first.js';
import distrolessRuntime from './distroless-runtime.js';
import dockerignore from './dockerignore.js';
import execForm from './exec-form.js';
import initProcess from './init-process.js';
import installFlags from './install-flags.js';
import multiStage from './multi-stage.js';
import nonRootUser from './non-root-user.js';
import slimBase from './slim-base.js';
import useraddNoLogInit from './useradd-no-log-init.js';

/**
 * Every transform, in the order they run within a pass. Where two changes
 * overlap, the earlier transform's goes first and the other waits for the next
 * pass: so RUNs are merged before caches are cleaned, and a merged RUN gets one
 * cleanup at its end instead of one per original RUN. multi-stage comes first: it
 * decides the structure (a build stage and a runtime stage on the image the
 * knowledge base matches to the builder), and the others act on the stages it
 * made in the next pass; a base switch of the single stage it splits would move
 * the toolchain's image. Base-image switches come before the RUN-layer transforms:
 * the base decides what a RUN should say (apk, not apt), so alpine-base rewrites a
 * RUN before install-flags or cleanup-in-layer edit it for apt. The opt-in switches
 * come first, so a user who asked for distroless or Alpine gets it, and slim-base
 * takes the FROM only when they refuse. deps-first runs before collapse-run so that
 * an install and a build RUN are split by the moved COPY rather than merged into
 * one RUN that needs the sources. add-download and init-process come after the base
 * switches and exec-form: which downloader a stage has, how tini is installed and whether
 * the command needs it depend on the FROM and the command they leave (each change depends
 * on that text and waits a pass when an earlier change edits it). add-download sits with
 * add-to-copy, the other ADD rewrite (they never take the same ADD), and init-process runs
 * after the other command rewrites. non-root-user comes last, after the base switches: the
 * account it adds depends on the final image (busybox adduser on Alpine, the image's
 * own user on distroless), so it waits for a pass in which the FROM it read stays
 * as it is. Registering a transform means adding it here; nothing else in the engine
 * names transforms.
 */
export const transforms: readonly Transform<any>[] = [
  multiStage,
  execForm,
  distrolessRuntime,
  alpineBase,
  slimBase,
  depsFirst,
  collapseRun,
  installFlags,
  cleanupInLayer,
  addToCopy,
  addDownload,
  useraddNoLogInit,
  curlFail,
  initProcess,
  dockerignore,
  nonRootUser,
];
