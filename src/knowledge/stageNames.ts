/**
 * What a stage's name says of it, in multi-target Dockerfiles (`FROM base AS production`,
 * `FROM production AS development`): a stage to work on or test the code in, which
 * `docker compose` or CI picks with `--target`, or the image that ships. Whole names only,
 * compared without case as BuildKit compares stage names.
 */

/** A stage to work on or test the code in: a development server, a test run or a linter's, a debugger. */
export const DEVELOPMENT_STAGE = /^(dev|devel|develop|development|local|debug|test|tests|testing|e2e|lint|linter|linting|check|checks)$/i;

/**
 * A stage that hands files out of the build rather than being an image: one \`--output\` exports
 * (\`FROM scratch AS export\`) or one that uploads a release's files (uptime-kuma's \`upload-artifact\`).
 */
export const ARTIFACT_STAGE = /^(?:artifact|artifacts|export|export-artifact|export-artifacts|upload|upload-artifact|upload-artifacts)$/i;

/** The image that ships. */
export const RELEASE_STAGE = /^(prod|production|release|runtime)$/i;

/** A stage that runs a project's tests or checks (StaPH-B's \`FROM app AS test\`, \`FROM build AS lint\`): one kind of development stage. */
export const TEST_STAGE = /^(?:test|tests|testing|e2e|lint|linter|linting|check|checks)$/i;
