/**
 * The knowledge base about base images: typed data with its sources, and pure
 * lookups over it. Transforms ask it what an image is, which smaller images
 * exist, what they lack, how packages are called on Alpine and what runs a
 * builder's artefact.
 */
export type * from './types.js';
export { compareVersions, identify, identifyImage, findRepository, inVersionLine, archivedRelease, releaseFamily, unknownReleaseWhy, missingTagWhy, REPOSITORIES } from './identify.js';
export { siblingsOf, siblingsOfImage, siblingOfKind, onVariant, describeRelease, sameRelease, referenceText } from './siblings.js';
export { SLIM_DOC_READERS, SLIM_LEAVES_OUT, fullImageHas, slimLacks, slimSiblingLacks, toolForCommand, toolForPackage, pipSourceBuildNeeds, pipSourceBuildLibraries, pipRuntimeLibraries, pipUncertain, gemBuildNeeds, type SlimSiblingLacks } from './slim.js';
export { translatePackage, aptToApk, rpmToApk, debianOnlyFile, type PackageSource } from './packages/translate.js';
export { APT_TO_APK } from './packages/aptToApk.js';
export { RPM_TO_APK } from './packages/rpmToApk.js';
export { muslTrouble, MUSL_TROUBLE, PYPI_PURE, PYPI_PURE_SOURCE, pypiPure, PYPI_ALWAYS_WHEEL, pypiAlwaysWheel, type MuslTroubleEntry } from './musl.js';
export { distrolessImage, distrolessReference, runtimeFor, type RuntimeOptions } from './runtime.js';
export { DISTROLESS_IMAGES, DISTROLESS_DEFAULT_DEBIAN, DISTROLESS_CARRIES, DISTROLESS_USERS, DISTROLESS_GROUPS } from './distroless.js';
export { BUILDPACK_DEPS_TOOLS, JDK_ONLY_JARS, JDK_ONLY_PROGRAMS, JDK_USING_PROGRAMS } from './buildTools.js';
export { C_COMPILER_PACKAGES, NATIVE_COMPILERS, bringsCCompiler } from './compilers.js';
export { BASE_SYSTEM_PROGRAMS, FILE_CONVERTERS, LANGUAGE_INSTALLERS, PROJECT_REWRITERS, SHIPPED_WITH, SOURCE_BUILDERS, UNPACKERS } from './programs.js';
export { parseTag, renderTag } from './grammar.js';
export { APT_LIST_CLEANING_HELPERS, distroRelease, debianNumber, debianCodename, FAMILY_FACTS, FAMILY_LABELS, FIXED_ACCOUNTS, NOBODY_GROUPS, type FixedAccount, shIsBash, adduserIsUseradd, YUM_IS_DNF, yumIsDnfIn } from './distros.js';
export { coverageTable, coverageRows, type CoverageRow } from './table.js';
export { SOURCES, SIZE_SOURCES } from './sources.js';
export { sizeLabel, sizeSaving } from './sizes.js';
export { APT_BRINGS, aptInstalls, BUSYBOX_APPLETS, BUSYBOX_LACKS_OPTIONS, BUSYBOX_SOURCE, ALPINE_LACKS, ALPINE_LINKER_LACKS, ALPINE_TZDATA, DEBIAN_ONLY_GROUPS, DEBIAN_ONLY_USERS, downloadLibc, GLIBC_ARTEFACTS, glibcArtefact, IMAGE_FILES, SLIM_LACKS_PROGRAMS, SLIM_UNCHECKED, STATIC_DOWNLOADS, type DownloadLibc } from './tools.js';
export { NPM_INSTALL_SCRIPTS, npmInstallScript, type NpmInstallScript } from './npm.js';
export { linkedCrates, lockNames, SYS_CRATES, sysCrateForHeaders, type SysCrate } from './sysCrates.js';
export { downloadToolsOf, hasCaCertificates, INSTALL_BRINGS_CA_CERTIFICATES, REPOSITORY_DOWNLOAD_TOOLS, type DownloadTools } from './downloaders.js';
export { INIT_PROGRAMS, INIT_WRAPPERS, runsArgumentsAsChild, TINI_STATIC, tiniPackage, type TiniPackage } from './init.js';
export { ALPINE_ARCHITECTURES, ARCH_NAMESPACES, ARCHITECTURE_SOURCES, archNamespace } from './architectures.js';
export { CHAINGUARD_ROOT, CHAINGUARD_USERS, chainguardRoot, chainguardUser, type ImageUser, type RootImage } from './chainguard.js';
export { baseCommand, baseEntrypoint, entrypointExecsItsCommand, switchesFor, type BaseCommand, type BaseEntrypoint, type ServerSwitch } from './entrypoints.js';
export { GO_TAILNET_LISTENERS, PORT_VARIABLES, listenAddressPort, portVariable, portsOf, type PortVariable } from './ports.js';
export { ICU_PACKAGES } from './dotnet.js';
export { TOOL_COMMENT, TOOL_COMMENT_KEYS, TOOL_COMMENT_PREFIXES, TOOL_COMMENT_WORDS } from './toolComments.js';
export { DOTENV_READERS, type DotenvReader, type PackageRegistry } from './dotenv.js';
export { REMOTE_SUBCOMMANDS, REPOSITORY_READERS, type RepositoryReader } from './repositoryReaders.js';
export { APP_FOLDER_WRITERS, GO_SQLITE_MODULES, START_FOLDER_DATA, type AppFolderWriter, type ProjectSign, type StartFolderData } from './appFolderWrites.js';
export { INSTALL_SCRIPTS_WITHOUT_PACKAGE_MANAGER, installScriptWithoutPackageManager } from './installScripts.js';
export { CI_AGENT_DOWNLOADS, CI_JOB_IMAGES, ciAgentDownload, ciJobImage, DEBUGGING_TOOLS, DEVELOPMENT_IMAGES, DEVELOPMENT_SERVER_DOWNLOADS, DEVELOPMENT_TOOLS, developmentImage, developmentServerDownload, type CiAgentDownload, type CiJobImage, type DevelopmentImage, type DevelopmentServerDownload, type DevelopmentTool } from './devEnvironments.js';
export { ARTIFACT_STAGE, DEVELOPMENT_STAGE, RELEASE_STAGE, TEST_STAGE } from './stageNames.js';
export { COMPOSER_CACHE_SETTINGS, COMPOSER_CACHE_VARIABLES, COMPOSER_HOME_CACHES, composerCacheDirs, composerConfigCacheDirs, type ComposerConfigCaches } from './composer.js';
export { BUNDLER_CONFIG_KEYS, BUNDLER_DEPLOYMENT_PATH, BUNDLER_FALSE, BUNDLER_JRUBY_SCOPE, BUNDLER_RUBY_SCOPE, JRUBY_IMAGES, BUNDLER_UNSCOPED_APP_SINCE, DISTRO_RUBIES, OTHER_RUBIES, type BundlerSetting, type DistroRuby } from './gems.js';
export { BUILD_ENVIRONMENT, EXPORTED_ENVIRONMENT, exportedEnvironment, type ExportedEnvironment } from './environment.js';
