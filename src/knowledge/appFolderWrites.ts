/**
 * Servers (and build tools run as the container's command) that write into the app's own folder
 * while they run, read by non-root-user: the COPYs leave that folder root's, so run as another user
 * they fail. Each entry says what the command
 * looks like, how the project is recognised in the build context (when the command alone does not
 * say it), what is written, and where that fact was read.
 */
import type { PackageRegistry } from './dotenv.js';

/**
 * A sign of the project in the build context: a file (whose text may have to match), the script the command
 * starts (the last of its words), as the COPY that put it in the image read it, or a declared dependency.
 */
export type ProjectSign =
  | { readonly file: RegExp; readonly contains: RegExp | null; readonly says: string }
  | { readonly started: RegExp; readonly says: string }
  | { readonly declares: { readonly registry: PackageRegistry; readonly name: string }; readonly says: string };

export interface AppFolderWriter {
  /** Words the command runs, in a row, each tested against the whole word (`./bin/rails`, `server`). */
  readonly argv: readonly RegExp[];
  /** The app it runs, for the reason (`a Laravel app`); empty when the command names it. */
  readonly app: string;
  /** Signs of that app in the build context, any of which will do; empty: the command is enough. */
  readonly project: readonly ProjectSign[];
  /** What it writes in the app's folder, and when. */
  readonly writes: string;
  /** Variables that, set by an ENV, move what it writes out of the app's folder. */
  readonly movedBy: readonly string[];
  /**
   * The variable that names the folder it writes, when that folder, not the app's, is where (AIRFLOW_HOME): the
   * entry applies only where an ENV sets it to a folder the build leaves to root; unset, it is under the user's home.
   */
  readonly into?: string;
  /** A variable that, set by an ENV to this value, turns the writes off. */
  readonly offBy?: { readonly variable: string; readonly value: string };
  /**
   * An option that turns the writes off (or moves them) wherever the server reads it: in the command's words, in
   * an ENV among \`variables\` (the options a launcher script passes on), or in a project file of the build context.
   */
  readonly offByOption?: { readonly option: RegExp; readonly variables: readonly string[]; readonly files: RegExp };
  /** How a Dockerfile gives those folders to the user. */
  readonly fix: string;
  readonly source: string;
  /**
   * The image (its name in the knowledge base) that ships this server with what it writes seen to: its
   * folders open to every user, or named by its writtenAtRun, which non-root-user gives the user. Built on
   * it, the entry does not apply.
   */
  readonly seenToBy?: string;
}

/**
 * A puma configuration that writes its pid or state file at a relative path, under the folder it
 * starts in: `pidfile "tmp/pids/puma.pid"`, or Rails' template before 7.2, `pidfile
 * ENV.fetch("PIDFILE") { "tmp/pids/server.pid" }`. Rails 7.2's `pidfile ENV["PIDFILE"] if ENV["PIDFILE"]` writes none.
 */
const PUMA_RELATIVE_FILE = /^[ \t]*(?:pidfile|state_path)[ \t(]+(?:ENV\.fetch\(\s*["']\w+["']\s*(?:,\s*|\)\s*\{\s*))?["'](?![/"']|#\{)/m;

/**
 * Django's sqlite engine with the database under BASE_DIR, the project's folder (the startproject
 * template): one dict of DATABASES that has both keys, in either order, past the dicts it holds
 * (\`"OPTIONS": {"timeout": 20}\`), whose own keys are not its (a \`"TEST"\` dict's NAME).
 */
const DICT_OWN = String.raw`(?:[^{}]|\{[^{}]*\})*?`;
const DJANGO_SQLITE_IN_PROJECT = new RegExp(
  String.raw`\{(?=${DICT_OWN}["']ENGINE["']\s*:\s*["']django\.db\.backends\.sqlite3["'])(?=${DICT_OWN}["']NAME["']\s*:\s*(?:str\(\s*|os\.path\.join\(\s*)?BASE_DIR\b)`,
);

/**
 * A Python file that builds a Gradio Interface (`gr.Interface(...)`) and does not turn its flagging off in
 * the file (`flagging_mode="never"`, before Gradio 5 `allow_flagging="never"`).
 */
const GRADIO_INTERFACE = /^(?![\s\S]*\b(?:flagging_mode|allow_flagging)\s*=\s*["']never["'])(?=[\s\S]*\bimport\s+gradio\b)[\s\S]*\b(?:gr|gradio)\.Interface\s*\(/;

/** Django's STATIC_ROOT under BASE_DIR, the project's folder (`BASE_DIR / "staticfiles"`, `os.path.join(BASE_DIR, "static")`). */
const DJANGO_STATIC_ROOT_IN_PROJECT = /^[ \t]*STATIC_ROOT\s*=\s*(?:str\(\s*|os\.path\.join\(\s*|Path\(\s*)?BASE_DIR\b/m;

/** What a Dagster instance keeps in its home with the default configuration (docs.dagster.io, instance configuration). */
const DAGSTER_WRITES = 'with the default storage its run history and event logs (history/) and schedules (schedules/), and, unless dagster.yaml moves them, compute logs and artifacts (storage/)';
const DAGSTER_SOURCE = 'docs.dagster.io/deployment/dagster-instance (Default local behavior: $DAGSTER_HOME/history, storage; a temporary folder when DAGSTER_HOME is unset)';

export const APP_FOLDER_WRITERS: readonly AppFolderWriter[] = [
  {
    // Its commands that run a component, or set up its database: each writes airflow.cfg first when it is missing.
    argv: [/(?:^|\/)airflow$/, /^(?:standalone|webserver|api-server|scheduler|triggerer|dag-processor|celery|db)$/],
    app: '',
    project: [],
    writes: 'writes its configuration (airflow.cfg) when there is none, its logs (logs/) and, with the default SQLite, its database (airflow.db) into AIRFLOW_HOME',
    movedBy: [],
    into: 'AIRFLOW_HOME',
    fix: 'give the user AIRFLOW_HOME first with `chown -R`, as the apache/airflow image does',
    source: 'apache/airflow airflow/configuration.py (AIRFLOW_HOME, write_default_airflow_configuration_if_needed), config_templates/config.yml (base_log_folder, sql_alchemy_conn defaults under AIRFLOW_HOME)',
    seenToBy: 'apache/airflow',
  },
  // Dagster's long-running processes load the instance from DAGSTER_HOME and keep their runs, event logs, schedules,
  // compute logs and artifacts there (history/, schedules/, storage/) unless dagster.yaml moves each: unset, they use a
  // temporary folder. A code server (\`dagster api grpc\`) is not counted.
  ...[[/(?:^|\/)(?:dagster-webserver|dagit)$/], [/(?:^|\/)dagster-daemon$/, /^run$/]].map(
    (argv): AppFolderWriter => ({
      argv,
      app: '',
      project: [],
      writes: `loads its instance from DAGSTER_HOME and writes there: ${DAGSTER_WRITES}`,
      movedBy: [],
      into: 'DAGSTER_HOME',
      fix: 'give the user DAGSTER_HOME first with `chown -R`',
      source: DAGSTER_SOURCE,
    }),
  ),
  {
    // \`dagster dev\` runs both with a home of its own in the folder it starts in when DAGSTER_HOME is unset.
    argv: [/(?:^|\/)dagster$/, /^dev$/],
    app: '',
    project: [],
    writes: `makes its instance's home in the folder it starts in unless DAGSTER_HOME is set, and writes there: ${DAGSTER_WRITES}`,
    movedBy: ['DAGSTER_HOME'],
    fix: 'set DAGSTER_HOME to a folder given to the user with `chown -R`',
    source: `${DAGSTER_SOURCE}; dagster-io/dagster commit 3de30601 (dagster dev: "uses your current working directory as a home folder if none is set")`,
  },
  {
    argv: [/(?:^|\/)rails$/, /^(?:server|s)$/],
    app: '',
    project: [],
    writes: 'creates tmp/pids, tmp/cache and tmp/sockets in the app\'s folder and writes its pid file tmp/pids/server.pid there at start',
    movedBy: [],
    fix: 'give the user tmp/ and log/ first, as Rails\' Dockerfile does with `chown -R`',
    source: 'rails/rails railties/lib/rails/commands/server/server_command.rb (create_tmp_directories, DEFAULT_PIDFILE)',
  },
  {
    argv: [/(?:^|\/)puma$/],
    app: '',
    project: [{ file: /^config\/puma(?:\.rb|\/[\w-]+\.rb)$/, contains: PUMA_RELATIVE_FILE, says: '{path} sets a pidfile or state_path under the app\'s folder' }],
    writes: 'writes its pid (or state) file under the app\'s folder at start, where the configuration puts it: Rails\' puma.rb before 7.2 writes tmp/pids/server.pid',
    movedBy: [],
    fix: 'give the user tmp/ first with `chown -R`, or copy the app with `COPY --chown`',
    source: 'puma/puma lib/puma/launcher.rb (write_state, write_pid); rails/rails railties templates config/puma.rb (7.1, 7.2)',
  },
  {
    // octane:start runs the server the configuration names; octane:frankenphp, :roadrunner and :swoole start one directly.
    argv: [/(?:^|\/)artisan$/, /^(?:serve|octane:(?:start|frankenphp|roadrunner|swoole))$/],
    app: 'a Laravel app',
    project: [
      { declares: { registry: 'packagist', name: 'laravel/framework' }, says: 'composer.json requires laravel/framework' },
      { file: /^artisan$/, contains: null, says: 'the context has an artisan file' },
    ],
    writes: 'writes compiled views, its log, file sessions and file cache under storage/, and its package and service manifests under bootstrap/cache, which Laravel\'s documentation says must be writable by the server or Laravel will not run',
    movedBy: [],
    fix: 'give the user storage/ and bootstrap/cache first with `chown -R`',
    source: 'laravel.com/docs installation#directory-permissions; laravel/octane src/Commands (StartCommand, StartFrankenPhpCommand, StartRoadRunnerCommand, StartSwooleCommand)',
  },
  {
    argv: [/(?:^|\/)next$/, /^start$/],
    app: '',
    project: [],
    writes: 'writes its image optimisation and prerender (ISR) caches under .next/cache in the app\'s folder while it serves',
    movedBy: [],
    fix: 'give the user .next first (`mkdir .next` and `chown` it, as Next.js\'s with-docker example does), or copy the build with `COPY --chown`',
    source: 'vercel/next.js examples/with-docker/Dockerfile ("Set the correct permission for prerender cache"); packages/next/src/server/image-optimizer.ts (cache under the dist folder\'s cache/images)',
  },
  {
    argv: [/(?:^|\/)next$/, /^dev$/],
    app: '',
    project: [],
    writes: 'compiles the app into .next in the app\'s folder when it starts, and again as pages are requested',
    movedBy: [],
    fix: 'give the user .next first (`mkdir .next` and `chown` it)',
    source: 'vercel/next.js packages/next/src/cli/next-dev.ts (distDir = path.join(dir, config.distDir ?? \'.next\'), the folder the development server builds into)',
  },
  {
    // The server of Next.js's standalone output.
    argv: [/(?:^|\/)node$/, /(?:^|\/)server\.js$/],
    app: 'a Next.js app',
    project: [{ declares: { registry: 'npm', name: 'next' }, says: 'package.json requires next' }],
    writes: 'writes its image optimisation and prerender (ISR) caches under .next/cache in the app\'s folder while it serves',
    movedBy: [],
    fix: 'give the user .next first (`mkdir .next` and `chown` it, as Next.js\'s with-docker example does), or copy the build with `COPY --chown`',
    source: 'vercel/next.js examples/with-docker/Dockerfile ("Set the correct permission for prerender cache"); packages/next/src/server/image-optimizer.ts (cache under the dist folder\'s cache/images)',
  },
  {
    argv: [/(?:^|\/)python(?:3(?:\.\d+)?)?$/, /\.py$/],
    app: 'a Gradio app',
    project: [{ started: GRADIO_INTERFACE, says: '{path} builds a gr.Interface' }],
    writes: 'creates its flagging folder, .gradio/flagged (flagged/ before Gradio 5), in the folder it starts in as soon as the Interface is built, flagging being "manual" by default',
    movedBy: [],
    offBy: { variable: 'GRADIO_FLAGGING_MODE', value: 'never' },
    fix: 'give the user .gradio in the working folder first (`mkdir .gradio` and `chown` it), or set ENV GRADIO_FLAGGING_MODE=never',
    source: 'gradio-app/gradio gradio/interface.py (flagging_dir=".gradio/flagged"; flagging_callback.setup in __init__ unless flagging_mode is "never"), gradio/flagging.py (CSVLogger.setup: os.makedirs(flagging_dir))',
  },
  {
    argv: [/(?:^|\/)manage\.py$/, /^runserver(?:_plus)?$/],
    app: 'a Django project',
    project: [{ file: /(?:^|\/)settings(?:\/[\w]+)?\.py$/, contains: DJANGO_SQLITE_IN_PROJECT, says: '{path} puts its SQLite database in the project folder, BASE_DIR' }],
    writes: 'writes db.sqlite3 in the project folder, and SQLite writes its journal beside it, so the folder itself must be writable (runserver itself writes nothing there)',
    movedBy: [],
    fix: 'give the user the folder that holds the database first with `chown` (a VOLUME there keeps the owner the image gives it), or keep the database outside the project folder',
    source: 'django/django conf/project_template/project_name/settings.py-tpl (DATABASES); sqlite.org/tempfiles.html (rollback journal beside the database)',
  },
  {
    argv: [/(?:^|\/)manage\.py$/, /^collectstatic$/],
    app: '',
    project: [{ file: /(?:^|\/)settings(?:\/[\w]+)?\.py$/, contains: DJANGO_STATIC_ROOT_IN_PROJECT, says: '{path} puts STATIC_ROOT in the project folder, BASE_DIR' }],
    writes: 'copies every app\'s static files into STATIC_ROOT, which it creates in the project folder',
    movedBy: [],
    fix: 'run collectstatic in a RUN of the Dockerfile, where the build writes as root, or give the user STATIC_ROOT first with `chown`',
    source: 'django/django contrib/staticfiles/management/commands/collectstatic.py (copies into STATIC_ROOT, creating it); docs.djangoproject.com/en/stable/howto/static-files/deployment/',
  },
  {
    argv: [/(?:^|\/)(?:gunicorn|uvicorn|daphne|uwsgi)$/],
    app: 'a Django project',
    project: [{ file: /(?:^|\/)settings(?:\/[\w]+)?\.py$/, contains: DJANGO_SQLITE_IN_PROJECT, says: '{path} puts its SQLite database in the project folder, BASE_DIR' }],
    writes: 'writes db.sqlite3 in the project folder, and SQLite writes its journal beside it, so the folder itself must be writable',
    movedBy: [],
    fix: 'give the user the folder that holds the database first with `chown` (a VOLUME there keeps the owner the image gives it), or keep the database outside the project folder',
    source: 'django/django conf/project_template/project_name/settings.py-tpl (DATABASES); sqlite.org/tempfiles.html (rollback journal beside the database)',
  },
  {
    // A Mix release's script (`bin/NAME start`), or the `bin/server` that `mix phx.gen.release` adds, which runs it.
    argv: [/(?:^|\/)bin\/[\w-]+$/, /^(?:start|start_iex|daemon|daemon_iex)$/],
    app: 'an Elixir release with runtime configuration',
    project: [{ file: /^config\/(?:runtime|releases)\.exs$/, contains: null, says: 'the context has {path}' }],
    writes: 'copies its sys.config to RELEASE_TMP, by default tmp/ in the release\'s folder, at every start, and stops when it cannot ("Cannot start release because it could not write …")',
    movedBy: ['RELEASE_TMP'],
    fix: 'give the user the release folder first with `COPY --chown`, as `mix phx.gen.release --docker` does for nobody, or set RELEASE_TMP to a writable folder',
    source: 'elixir-lang/elixir lib/mix/lib/mix/tasks/release.init.ex (export_release_sys_config, RELEASE_TMP)',
  },
  {
    // Distillery, the release tool before `mix release`: its boot script takes the same shape, with `foreground`.
    argv: [/(?:^|\/)bin\/[\w-]+$/, /^(?:foreground|start|console)$/],
    app: 'a Distillery release',
    project: [{ file: /^rel\/config\.exs$/, contains: /\buse\s+(?:Distillery|Mix)\.Releases\.Config\b/, says: '{path} configures Distillery' }],
    writes: 'writes its generated vm.args, sys.config and logs under RELEASE_MUTABLE_DIR, by default var/ in the release\'s folder, at every start',
    movedBy: ['RELEASE_MUTABLE_DIR'],
    fix: 'give the user the release folder first with `COPY --chown`, or set RELEASE_MUTABLE_DIR to a writable folder',
    source: 'bitwalker/distillery docs (Permissions: the release must read and write RELEASE_MUTABLE_DIR, by default var/ in the release); priv/templates boot script (RELEASE_MUTABLE_DIR)',
  },
  {
    // The start script sbt-native-packager writes for a Play app (\`sbt stage\`, \`sbt dist\`): target/universal/stage/bin/NAME.
    argv: [/(?:^|\/)bin\/[\w.-]+$/],
    app: 'a Play app',
    project: [{ file: /(?:^|\/)build\.sbt$/, contains: /\benablePlugins\s*\([^)]*\bPlay(?:Scala|Java|MinimalJava|Service)\b/, says: '{path} enables the Play plugin' }],
    writes: 'writes its process id to RUNNING_PID at start, in the folder above bin/ (the start script makes it the server\'s user.dir), and does not start when it cannot',
    movedBy: [],
    offByOption: { option: /pidfile\.path/, variables: ['JAVA_OPTS', 'JAVA_TOOL_OPTIONS'], files: /(?:^|\/)(?:build\.sbt|conf\/[\w.-]+\.conf)$/ },
    fix: 'give the user the app\'s folder with `COPY --chown`, or turn the file off with `-Dpidfile.path=/dev/null` (in the command, in JAVA_OPTS, or in build.sbt\'s `Universal / javaOptions`)',
    source: 'playframework/playframework core/play/src/main/resources/reference.conf (play.server.pidfile.path = ${play.server.dir}/RUNNING_PID, play.server.dir = ${?user.dir}) and ProdServerStart.createPidFile; sbt-plugin PlaySettings (bashScriptExtraDefines: -Duser.dir=${app_home}/..); playframework.com documentation Deploying (pidfile.path=/dev/null)',
  },
  {
    // Tomcat unpacked from Apache's archive (or a package) and started in the foreground, or in the background by a script.
    argv: [/(?:^|\/)catalina\.sh$/, /^(?:run|start)$/],
    app: 'Tomcat',
    project: [],
    writes: 'writes its logs in logs/, compiled JSPs and session files in work/ and temporary files in temp/ of CATALINA_BASE (by default the folder Tomcat was unpacked in), and unpacks each WAR of webapps/ into a folder beside it when it deploys it',
    movedBy: ['CATALINA_BASE'],
    fix: 'give the user logs, temp, work and webapps first with `chown -R`, as Tomcat\'s security guide has the Tomcat user own logs, temp and work',
    source: 'tomcat.apache.org/tomcat-10.1-doc/security-howto.html (File permissions: logs, temp and work are owned by the Tomcat user rather than root); tomcat.apache.org/tomcat-10.1-doc/config/host.html (unpackWARs)',
    // The tomcat image opens logs, temp and work to all (chmod 1777); its writtenAtRun gives the user webapps.
    seenToBy: 'tomcat',
  },
  {
    // Build tools run as the container's command: they build the project where it lies, the copied app's folder.
    argv: [/(?:^|\/)cargo$/, /^(?:build|b|run|r|test|t|bench|check|c|doc|d|clippy)$/],
    app: '',
    project: [],
    writes: 'builds into target/ in the package\'s folder, and locks target/debug/.cargo-lock even when there is nothing to rebuild',
    movedBy: ['CARGO_TARGET_DIR', 'CARGO_BUILD_TARGET_DIR'],
    fix: 'build in the image and start the binary it makes, set CARGO_TARGET_DIR to a folder the user owns, or give the user the project with `COPY --chown`',
    source: 'doc.rust-lang.org/cargo/reference/build-cache.html (target/ in the workspace root, CARGO_TARGET_DIR)',
  },
  {
    argv: [/(?:^|\/)dotnet$/, /^(?:run|watch|test|build)$/],
    app: '',
    project: [],
    writes: 'restores and builds into obj/ and bin/ in the project\'s folder (and dotnet test writes its results in TestResults/)',
    movedBy: [],
    fix: 'publish in the image and start the published app (`dotnet app.dll`), or give the user the project with `COPY --chown`',
    source: 'learn.microsoft.com/dotnet/core/tools/dotnet-run (it builds first), dotnet-build (obj/ and bin/ under the project)',
  },
  {
    argv: [/(?:^|\/)mvnw?$/],
    app: '',
    project: [],
    writes: 'compiles into target/ in the project\'s folder',
    movedBy: [],
    fix: 'package in the image and start the jar it makes, or give the user the project with `COPY --chown`',
    source: 'maven.apache.org/guides/introduction/introduction-to-the-standard-directory-layout.html (target/ holds the output of the build)',
  },
  {
    argv: [/(?:^|\/)gradlew?$/],
    app: '',
    project: [],
    writes: 'writes its build/ folder and its .gradle/ cache in the project\'s folder',
    movedBy: [],
    fix: 'build in the image and start what it makes, or give the user the project with `COPY --chown`',
    source: 'docs.gradle.org/current/userguide/directory_layout.html (the project cache directory .gradle and the build directory)',
  },
  {
    argv: [/(?:^|\/)sbt$/],
    app: '',
    project: [],
    writes: 'compiles into target/ and project/target/ in the project\'s folder, and keeps its server\'s socket and lock files there (project/target/active.json)',
    movedBy: [],
    fix: 'build in the image (`sbt stage`) and start what it makes, or give the user the project with `COPY --chown`',
    source: 'scala-sbt.org/1.x/docs/Directories.html (target/ and project/target/ of the build); sbt/sbt main/src/main/scala/sbt/internal/server (active.json under project/target)',
  },
  {
    argv: [/(?:^|\/)lein$/],
    app: '',
    project: [],
    writes: 'compiles into target/ in the project\'s folder, and writes its classpath cache there (target/stale, target/classes)',
    movedBy: [],
    fix: 'build in the image (`lein uberjar`) and start the jar it makes, or give the user the project with `COPY --chown`',
    source: 'technomancy/leiningen sample.project.clj (:target-path "target/%s", :compile-path "%s/classy-files")',
  },
  {
    // Installing at start rather than in the image: the packages land in the project's folder (or,
    // with -g, the global prefix), both left to root by the build.
    argv: [/(?:^|\/)(?:npm|pnpm|bun)$/, /^(?:install|i|ci|add|update|up)$/],
    app: '',
    project: [],
    writes: 'installs packages when the container starts, into node_modules in the project\'s folder (or, with -g, the global prefix)',
    movedBy: [],
    fix: 'install them in the image with a RUN before the USER, or give the user the project with `COPY --chown`',
    source: 'docs.npmjs.com/cli/commands/npm-install (a local install writes ./node_modules and package-lock.json; -g writes under the prefix, /usr/local)',
  },
  {
    argv: [/(?:^|\/)yarn$/, /^(?:install|add)$/],
    app: '',
    project: [],
    writes: 'installs packages when the container starts, into node_modules in the project\'s folder',
    movedBy: [],
    fix: 'install them in the image with a RUN before the USER, or give the user the project with `COPY --chown`',
    source: 'classic.yarnpkg.com/en/docs/cli/install (node_modules and yarn.lock in the project)',
  },
  {
    argv: [/(?:^|\/)composer(?:\.phar)?$/, /^(?:install|update|require)$/],
    app: '',
    project: [],
    writes: 'installs packages when the container starts, into vendor/ in the project\'s folder',
    movedBy: ['COMPOSER_VENDOR_DIR'],
    fix: 'install them in the image with a RUN before the USER, or give the user the project with `COPY --chown`',
    source: 'getcomposer.org/doc/03-cli.md#install-i (vendor/ beside composer.json; COMPOSER_VENDOR_DIR moves it)',
  },
  {
    argv: [/(?:^|\/)bin\/server$/],
    app: 'an Elixir release with runtime configuration',
    project: [{ file: /^config\/(?:runtime|releases)\.exs$/, contains: null, says: 'the context has {path}' }],
    writes: 'copies its sys.config to RELEASE_TMP, by default tmp/ in the release\'s folder, at every start (bin/server runs `bin/NAME start`), and stops when it cannot',
    movedBy: ['RELEASE_TMP'],
    fix: 'give the user the release folder first with `COPY --chown`, as `mix phx.gen.release --docker` does for nobody, or set RELEASE_TMP to a writable folder',
    source: 'phoenixframework/phoenix priv/templates/phx.gen.release/server.eex; elixir-lang/elixir lib/mix/lib/mix/tasks/release.init.ex',
  },
  {
    // Game server images run steamcmd at start to install or update the server: it updates itself where it lies.
    argv: [/(?:^|\/)steamcmd(?:\.sh)?$/],
    app: '',
    project: [],
    writes: 'updates itself in its own folder when it starts (the Steam client files it downloads, its package cache and logs), and writes the game `+app_update` installs into the folder `+force_install_dir` names',
    movedBy: [],
    fix: 'give the user steamcmd\'s folder and the game\'s first with `chown -R`, as cm2network/steamcmd does with /home/steam',
    source: 'developer.valvesoftware.com wiki SteamCMD (it updates itself on first run; +force_install_dir, +app_update); CM2Walki/steamcmd bookworm/Dockerfile (steamcmd under the steam user\'s home, chowned)',
  },
];

/**
 * Servers that keep their data, unless told where, in the folder they start in: run from one the
 * build leaves to root (/, or the app's copied folder), another user cannot create it there. Each with
 * the options and variables that say where instead (a configuration file may, so it counts too).
 */
export interface StartFolderData {
  /** The program's name, as the command runs it (its path's last name). */
  readonly program: string;
  /** What it creates in the folder it starts in. */
  readonly keeps: string;
  /** Options (without dashes) that name the folder, or a configuration file that may. */
  readonly options: readonly string[];
  /** Variables that move it, any one of them; a list is a set of variables that move it together. */
  readonly variables: readonly (string | readonly string[])[];
  /** Arguments, one of which makes it keep that data (celery's \`beat\`, or a worker's \`-B\`); absent, every run does. */
  readonly keepsWhen?: readonly RegExp[];
  /** Files of the build context that may say where instead (the app's configuration): one that does leaves it to the project. */
  readonly setIn?: { readonly files: RegExp; readonly contains: RegExp };
  /** How a Dockerfile puts the data where the user may write it. */
  readonly fix: string;
  readonly source: string;
}

export const START_FOLDER_DATA: readonly StartFolderData[] = [
  {
    program: 'etcd',
    keeps: 'its data in NAME.etcd (default.etcd without --name)',
    options: ['data-dir', 'config-file'],
    variables: ['ETCD_DATA_DIR', 'ETCD_CONFIG_FILE'],
    fix: 'give it --data-dir in a VOLUME',
    source: 'etcd-io/etcd server/etcdmain/etcd.go (Dir defaults to "<name>.etcd"), server/embed/config.go (--data-dir)',
  },
  {
    program: 'qdrant',
    keeps: 'its collections in ./storage and snapshots in ./snapshots (the defaults of storage_path and snapshots_path, which config/config.yaml under that folder may set otherwise)',
    options: ['config-path'],
    // It makes both folders when it starts: moving the collections alone still writes ./snapshots.
    variables: [['QDRANT__STORAGE__STORAGE_PATH', 'QDRANT__STORAGE__SNAPSHOTS_PATH']],
    fix: 'set QDRANT__STORAGE__STORAGE_PATH and QDRANT__STORAGE__SNAPSHOTS_PATH to folders in a VOLUME',
    source: 'qdrant/qdrant config/config.yaml (storage_path: ./storage, snapshots_path: ./snapshots), src/main.rs (--config-path), src/settings.rs (QDRANT__ variables)',
  },
  {
    // The default PersistentScheduler; a database scheduler (django-celery-beat's, given by --scheduler) keeps no file.
    // The settings name both in the app's configuration, in Django's with the CELERY_ prefix (CELERY_BEAT_SCHEDULER).
    program: 'celery',
    keeps: 'the last run times of the periodic tasks in celerybeat-schedule (a shelve database, with its .db, or .dat, .dir and .bak, files)',
    options: ['schedule', 's', 'scheduler', 'S'],
    variables: [],
    keepsWhen: [/^beat$/, /^(?:-B|--beat)$/],
    setIn: { files: /(?:^|\/)[^/]+\.py$/, contains: /beat_schedule_filename|beat_scheduler\b|BEAT_SCHEDULE_FILENAME|BEAT_SCHEDULER\b/ },
    fix: 'give it `--schedule` (`-s`) a file in a folder the user owns, such as a VOLUME or /tmp',
    source: 'docs.celeryq.dev userguide/periodic-tasks.html#starting-the-scheduler ("it needs access to write in the current directory"); celery/celery celery/app/defaults.py (beat schedule_filename celerybeat-schedule), celery/bin/beat.py (-s/--schedule, -S/--scheduler), celery/bin/worker.py (-B/--beat)',
  },
];

/**
 * Go modules that open SQLite databases: the cgo binding, its pure-Go ports and GORM's drivers over them. With one
 * of them in go.mod, a relative database file the program names is created, with its journal, in the folder it
 * starts in (mattn/go-sqlite3 README, modernc.org/sqlite, gorm.io/driver/sqlite, glebarez/sqlite, ncruces/go-sqlite3).
 */
export const GO_SQLITE_MODULES: readonly string[] = [
  'github.com/mattn/go-sqlite3',
  'modernc.org/sqlite',
  'gorm.io/driver/sqlite',
  'github.com/glebarez/sqlite',
  'github.com/glebarez/go-sqlite',
  'github.com/ncruces/go-sqlite3',
];
