/**
 * What package and environment tools keep in the home of the user who ran them at build time
 * (root), which a container command run as another user would not find; read by non-root-user.
 * Paths from each tool's documentation: Poetry's cache-dir (virtualenvs under it), pipenv's
 * WORKON_HOME, uv's cache and tool folders, corepack's COREPACK_HOME, opam's OPAMROOT, Stack's
 * STACK_ROOT, cabal's CABAL_DIR, Playwright's browser folder, git's global configuration, conda's shell set-up, Julia's depot, Mix's MIX_HOME, pub's PUB_CACHE, the Maven
 * repository (~/.m2) of the Clojure CLI. Also the variables that name where libraries write while the container runs,
 * read by the volume analysis (RUNTIME_WRITE_VARIABLES).
 */

/**
 * Tools that keep what the build set up in the home of the user who ran them, root: the
 * container's command, run as another user, would not find it. Each with the setting that
 * moves that state out of the home (a variable, or a RUN that configures it).
 */
export const TOOL_STATE: readonly { readonly program: string; readonly sub: string | null; readonly state: string; readonly unless: RegExp; readonly configuredByRun: boolean }[] = [
  { program: 'poetry', sub: 'run', state: "`poetry run`, whose virtualenv `poetry install` made under /root/.cache/pypoetry", unless: /\bPOETRY_VIRTUALENVS_(?:CREATE=(?:false|0)|IN_PROJECT=(?:true|1)|PATH=)|virtualenvs\.(?:create\s+false|in-project\s+true|path)/i, configuredByRun: true },
  { program: 'pipenv', sub: 'run', state: '`pipenv run`, whose virtualenv `pipenv install` made under /root/.local/share/virtualenvs', unless: /\bPIPENV_VENV_IN_PROJECT=|\bWORKON_HOME=|--system\b/, configuredByRun: true },
  { program: 'uv', sub: 'run', state: "`uv run`, which syncs the environment again and keeps its cache in the user's home (the build's is under /root/.cache/uv)", unless: /\bUV_(?:CACHE_DIR|NO_CACHE)=|--no-cache\b|--cache-dir\b/, configuredByRun: false },
  { program: 'uvx', sub: null, state: "`uvx`, which keeps its tools and cache in the user's home (the build's are under /root)", unless: /\bUV_(?:CACHE_DIR|TOOL_DIR)=/, configuredByRun: false },
  { program: 'pnpm', sub: null, state: 'pnpm through corepack, which keeps the pnpm it downloaded under /root/.cache/node/corepack', unless: /\bCOREPACK_HOME=/, configuredByRun: false },
  { program: 'yarn', sub: null, state: 'yarn through corepack, which keeps the yarn it downloaded under /root/.cache/node/corepack', unless: /\bCOREPACK_HOME=/, configuredByRun: false },
  // opam's root is ~/.opam unless OPAMROOT or --root names another (opam.ocaml.org/doc/Manual: OPAMROOT).
  { program: 'opam', sub: null, state: 'opam, whose root (the switches `opam init` made and the packages `opam install` put in them) is under /root/.opam', unless: /\bOPAMROOT=|--root\b/, configuredByRun: false },
  // Stack's root is ~/.stack unless STACK_ROOT or --stack-root names another (docs.haskellstack.org: stack root).
  { program: 'stack', sub: null, state: 'stack, whose root (the GHC `stack setup` installed and the packages `stack build` built) is under /root/.stack', unless: /\bSTACK_ROOT=|--stack-root\b/, configuredByRun: false },
  // cabal keeps its package index and store in ~/.cabal, or since 3.10 the XDG folders under the home, unless CABAL_DIR names another.
  { program: 'cabal', sub: null, state: 'cabal, whose package index and store (what `cabal update` fetched and `cabal build` built) are under /root/.cabal, or /root/.cache/cabal and /root/.local/state/cabal', unless: /\bCABAL_DIR=|--store-dir\b/, configuredByRun: false },
  // The Clojure CLI resolves Maven dependencies into ~/.m2/repository (git ones into ~/.gitlibs) unless deps.edn's :mvn/local-repo
  // names another folder (clojure.org/reference/deps_edn); the classpath cache (.cpcache) the build wrote names the jars there,
  // under /root, which root alone may read. (\`lein run\` is refused first for the target/ it writes: APP_FOLDER_WRITERS.)
  { program: 'clojure', sub: null, state: "the Clojure CLI, whose classpath names the dependencies `clojure -P` (or the build) put under /root/.m2 and /root/.gitlibs", unless: /:mvn\/local-repo/, configuredByRun: false },
  { program: 'clj', sub: null, state: "the Clojure CLI, whose classpath names the dependencies `clojure -P` (or the build) put under /root/.m2 and /root/.gitlibs", unless: /:mvn\/local-repo/, configuredByRun: false },
];

/** Variables that move a tool's state out of the home (see TOOL_STATE). */
export const TOOL_ENV = ['POETRY_VIRTUALENVS_CREATE', 'POETRY_VIRTUALENVS_IN_PROJECT', 'POETRY_VIRTUALENVS_PATH', 'PIPENV_VENV_IN_PROJECT', 'WORKON_HOME', 'UV_CACHE_DIR', 'UV_NO_CACHE', 'UV_TOOL_DIR', 'COREPACK_HOME', 'OPAMROOT', 'STACK_ROOT', 'CABAL_DIR'];

/**
 * What a build step downloads or writes into the home of the user who runs it, root, for the program to
 * use when the container runs: another user looks in its own home and does not find it. Each with the
 * variable that puts it elsewhere, and, when that is not how one moves it, what does (`fix`).
 * Playwright: `playwright install` (through npx, a package manager's exec, or `python -m`) keeps the
 * browsers in ~/.cache/ms-playwright unless PLAYWRIGHT_BROWSERS_PATH is set; `install-deps` installs
 * only system packages. git: `git config --global` writes ~/.gitconfig (GIT_CONFIG_GLOBAL names
 * another file); git run as another user reads that user's, so a `safe.directory` written there for
 * a repository the image ships no longer applies, and git refuses the root-owned repository as of
 * "dubious ownership" (git-scm.com/docs/git-config: FILES, safe.directory).
 */
export const HOME_DOWNLOADS: readonly { readonly what: string; readonly command: RegExp; readonly path: string; readonly variable: string; readonly also?: readonly string[]; readonly fix?: string }[] = [
  { what: "Playwright's browsers", command: /(?:^|[\s/])playwright(?:@\S*)?\s+install(?=\s|$)/, path: '/root/.cache/ms-playwright', variable: 'PLAYWRIGHT_BROWSERS_PATH' },
  {
    what: "the settings of git's global configuration",
    // git itself, not `sudo -u git -H git config --global` (another user's home).
    command: /^(?:\S*\/)?git\s+(?:-C\s+\S+\s+)?config\s(?:.*\s)?--global(?=\s|$)/,
    path: '/root/.gitconfig',
    variable: 'GIT_CONFIG_GLOBAL',
    fix: 'write them with `git config --system`, to /etc/gitconfig, which every user reads',
  },
  // `conda init` (and mamba's) adds the lines that set conda up to the user's ~/.bashrc; `--system` writes /etc/profile.d instead (docs.conda.io: conda init).
  {
    what: 'the lines that set conda up in bash',
    command: /^(?:\S*\/)?(?:conda|mamba)\s+init(?=\s|$)(?!.*\s--system(?:\s|$))/,
    path: '/root/.bashrc',
    variable: 'HOME',
    fix: 'run `conda init --system`, which writes /etc/profile.d/conda.sh, read by the login shells of every user (`bash -l`)',
  },
  // Mix installs Hex and rebar as archives under MIX_HOME, ~/.mix unless set (hexdocs.pm/mix/Mix.html: Environment variables).
  { what: 'the Hex and rebar it installs', command: /^(?:\S*\/)?mix\s(?:.*\s)?local\.(?:hex|rebar)(?=\s|$)/, path: '/root/.mix', variable: 'MIX_HOME' },
  // pub keeps the packages it fetches in PUB_CACHE, ~/.pub-cache unless set (dart.dev/tools/pub/environment-variables),
  // and the project's .dart_tool/package_config.json points there.
  { what: 'the packages it fetches', command: /^(?:\S*\/)?(?:dart|flutter)\s+(?:.*\s)?pub\s+(?:get|upgrade|downgrade|add|global\s+activate)(?=\s|$)/, path: '/root/.pub-cache', variable: 'PUB_CACHE' },
  // Julia's first depot is ~/.julia unless JULIA_DEPOT_PATH names others (docs.julialang.org: DEPOT_PATH).
  { what: 'the Julia packages it adds', command: /^(?:\S*\/)?julia\s(?:.*\s)?(?:-e|--eval)\s.*\bPkg\.(?:add|instantiate|develop)\b/, path: '/root/.julia', variable: 'JULIA_DEPOT_PATH' },
  // The Hugging Face Hub's cache is ~/.cache/huggingface/hub unless HF_HOME or HF_HUB_CACHE (HUGGINGFACE_HUB_CACHE, its
  // older name) names another, or the download names its folder: the CLI's --local-dir or --cache-dir, Python's local_dir=,
  // cache_dir= or sentence-transformers' cache_folder= (huggingface.co/docs/huggingface_hub: package_reference/environment_variables).
  // Models baked in at build time by `huggingface-cli download` (`hf download`), or by a `python -c` that loads one (not
  // from a path: `from_pretrained("/models/bert")` reads a folder), where transformers' TRANSFORMERS_CACHE and
  // sentence-transformers' SENTENCE_TRANSFORMERS_HOME move it too.
  {
    what: 'the models it downloads from the Hugging Face Hub',
    command: /^(?:\S*\/)?(?:huggingface-cli|hf)\s+download(?=\s|$)(?!.*\s--(?:local-dir|cache-dir)(?:[=\s]|$))/,
    path: '/root/.cache/huggingface',
    variable: 'HF_HOME',
    also: ['HF_HUB_CACHE', 'HUGGINGFACE_HUB_CACHE'],
  },
  {
    what: 'the models it downloads from the Hugging Face Hub',
    command: /^(?:\S*\/)?python[\d.]*\s+-c\s(?!.*\b(?:cache_dir|local_dir|cache_folder)\s*=).*\b(?:from_pretrained|snapshot_download|hf_hub_download|SentenceTransformer)\s*\(\s*(?!["'](?:\/|\.\.?\/))/,
    path: '/root/.cache/huggingface',
    variable: 'HF_HOME',
    also: ['HF_HUB_CACHE', 'HUGGINGFACE_HUB_CACHE', 'TRANSFORMERS_CACHE', 'SENTENCE_TRANSFORMERS_HOME'],
  },
];

/**
 * npm packages whose own install script downloads into the home of the user who installs them, for
 * the app to use when it runs. Puppeteer 19 and later keep Chrome in ~/.cache/puppeteer (earlier ones
 * in node_modules), unless PUPPETEER_CACHE_DIR or a skip variable is set, or a configuration file
 * (.puppeteerrc.*, puppeteer.config.*) beside package.json says where.
 */
export const HOME_DOWNLOAD_PACKAGES: readonly { readonly name: string; readonly since: number; readonly what: string; readonly path: string; readonly variables: readonly string[]; readonly configFile: RegExp }[] = [
  {
    name: 'puppeteer',
    since: 19,
    what: "Puppeteer's Chrome",
    path: '/root/.cache/puppeteer',
    variables: ['PUPPETEER_CACHE_DIR', 'PUPPETEER_SKIP_DOWNLOAD', 'PUPPETEER_SKIP_CHROME_DOWNLOAD', 'PUPPETEER_SKIP_CHROMIUM_DOWNLOAD', 'PUPPETEER_EXECUTABLE_PATH'],
    configFile: /^(?:\.puppeteerrc(?:\.(?:cjs|js|json|yaml|yml|toml))?|puppeteer\.config\.(?:cjs|js|mjs|ts))$/,
  },
];

/**
 * Programs that keep their data in the home of the user who runs them, where the image's users mount a
 * volume: run as root, that is under /root (`docker run -v ollama:/root/.ollama`, as Ollama's Docker docs
 * show); run as another user, the program looks in that user's home, and the data already in the volume
 * is not found. Each with the variable that puts the data elsewhere. Ollama: envconfig's Models() is
 * OLLAMA_MODELS, else $HOME/.ollama/models. MinIO's client: getMcConfigDir() is --config-dir or
 * MC_CONFIG_DIR, else $HOME/.mc, which initMC() creates before any command and stops on failing to
 * (`Unable to save new mc config`), so on scratch, where a uid without an account has HOME=/, every
 * command fails. (Midnight Commander is `mc` too, and keeps its settings in ~/.config/mc: an image
 * that runs it is rare, and the answer is a refusal, as it is for MinIO's.)
 */
export const HOME_DATA: readonly { readonly program: string; readonly sub: string | null; readonly folder: string; readonly what: string; readonly variable: string }[] = [
  { program: 'ollama', sub: 'serve', folder: '.ollama', what: 'the models it pulls', variable: 'OLLAMA_MODELS' },
  { program: 'mc', sub: null, folder: '.mc', what: 'its configuration (the aliases of its servers and their keys), which it creates before any command,', variable: 'MC_CONFIG_DIR' },
];

/**
 * Variables that name where a library the app loads writes while the container runs, a folder it makes when it first
 * writes there, whose names do not say data, cache or state as those the volume analysis reads by name do
 * (\`TRANSFORMERS_CACHE\`): the Hugging Face Hub's cache (HF_HOME, HF_HUB_CACHE and its older name
 * HUGGINGFACE_HUB_CACHE; huggingface.co/docs/huggingface_hub: package_reference/environment_variables), the models
 * sentence-transformers (SENTENCE_TRANSFORMERS_HOME) and PyTorch Hub (TORCH_HOME, pytorch.org/docs/stable/hub.html)
 * download, the models Ollama pulls (OLLAMA_MODELS), Matplotlib's font cache, written on its first import
 * (MPLCONFIGDIR, matplotlib.org: environment variables FAQ), and the XDG cache folder (XDG_CACHE_HOME,
 * specifications.freedesktop.org/basedir-spec).
 */
export const RUNTIME_WRITE_VARIABLES: ReadonlySet<string> = new Set([
  'TRANSFORMERS_CACHE',
  'HF_HOME',
  'HF_HUB_CACHE',
  'HUGGINGFACE_HUB_CACHE',
  'SENTENCE_TRANSFORMERS_HOME',
  'TORCH_HOME',
  'OLLAMA_MODELS',
  'MPLCONFIGDIR',
  'XDG_CACHE_HOME',
]);

/**
 * Of RUNTIME_WRITE_VARIABLES, those no package manager's install writes to: the libraries write there when the app
 * loads a model, not when pip, npm or apt installs them. Not XDG_CACHE_HOME, under which pip, uv and Poetry keep their
 * download caches.
 */
export const UNTOUCHED_BY_INSTALLS: ReadonlySet<string> = new Set([...RUNTIME_WRITE_VARIABLES].filter((name) => name !== 'XDG_CACHE_HOME'));
