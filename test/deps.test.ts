/** How dependency installs are recognised, and the manifest sets they read from a build context. */
import { describe, expect, it } from 'vitest';
import { commandUse, type DependencyInstall } from '../src/deps/commands.js';
import { manifestsOf } from '../src/deps/manifests.js';
import { yamlPackages, yamlStringMap } from '../src/deps/node.js';
import { readPackageJson } from '../src/deps/packageJson.js';
import { memoryBuildContext } from '../src/engine/context.js';
import { parseScript } from '../src/shell/parse.js';

function uses(script: string) {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.commands.map(commandUse);
}
const kind = (script: string) => uses(script).map((u) => (u.kind === 'install' ? `install:${u.install.ecosystem}` : u.kind));
function installOf(script: string): DependencyInstall {
  const u = uses(script).find((x) => x.kind === 'install');
  if (u === undefined || u.kind !== 'install') throw new Error(`no install in ${script}`);
  return u.install;
}

describe('commandUse', () => {
  it('recognises the dependency installs', () => {
    expect(kind('npm ci --omit=dev && yarn install --frozen-lockfile && pnpm i && yarn')).toEqual(['install:npm', 'install:yarn', 'install:pnpm', 'install:yarn']);
    expect(kind('bun install --frozen-lockfile && bun i --production')).toEqual(['install:bun', 'install:bun']);
    expect(installOf('bun install -c ci/bunfig.toml').files).toEqual(['ci/bunfig.toml']);
    expect(installOf('bun install --cwd packages/api').problem?.code).toBe('install-location');
    expect(kind('bun add hono; bun add -g pm2; bun run build')).toEqual(['needs-source', 'free', 'needs-source']);
    expect(kind('pip install --no-cache-dir -r requirements.txt; python3 -m pip install -r req.txt')).toEqual(['install:pip', 'install:pip']);
    expect(kind('go mod download && ./mvnw -B dependency:go-offline && bundle install && composer install && cargo fetch')).toEqual([
      'install:go',
      'install:maven',
      'install:bundler',
      'install:composer',
      'install:cargo',
    ]);
  });

  it('knows commands that leave the project alone', () => {
    expect(kind('apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*')).toEqual(['free', 'free', 'free']);
    expect(kind('npm install -g @angular/cli && yarn global add @vue/cli && pip install --upgrade pip && corepack enable')).toEqual(['free', 'free', 'free', 'free']);
    expect(kind('go install golang.org/x/tools/cmd/goimports@latest && echo done >/dev/null 2>&1')).toEqual(['free', 'free']);
    expect(kind('bundle config set --local deployment true')).toEqual(['writes']);
  });

  it('counts everything else as reading the sources', () => {
    expect(kind('npm run build')).toEqual(['needs-source']);
    expect(kind('make && ./configure && python setup.py install')).toEqual(['needs-source', 'needs-source', 'needs-source']);
    expect(kind('npm install express')).toEqual(['needs-source']);
    expect(kind('rm -rf src/generated')).toEqual(['needs-source']);
    expect(kind('cat package.json > /tmp/p')).toEqual(['needs-source']);
    expect(kind('apt-get install -y ./vendor/tool.deb')).toEqual(['needs-source']);
    expect(kind('cd web')).toEqual(['changes-folder']);
  });

  it('says when an install runs elsewhere or needs the project itself', () => {
    expect(installOf('npm ci --prefix web').problem?.code).toBe('install-location');
    expect(installOf('yarn install --cwd web').problem?.code).toBe('install-location');
    expect(installOf('pip install -r requirements.txt .').problem?.code).toBe('install-needs-source');
    expect(installOf('pip install -r requirements.txt -e .').problem?.code).toBe('install-needs-source');
    expect(installOf('pip install -r requirements.txt -e git+https://github.com/x/y#egg=y').problem).toBeNull();
    expect(installOf('pip install -r "$REQS"').problem?.code).toBe('install-location');
    expect(installOf('mvn -f api/pom.xml dependency:go-offline').problem?.code).toBe('install-location');
    expect(installOf('cargo fetch').problem?.code).toBe('install-needs-source');
  });

  it('reads the files and folders an install names', () => {
    expect(installOf('pip install -r requirements.txt -c constraints.txt --target ./libs').files).toEqual(['requirements.txt', 'constraints.txt']);
    expect(installOf('pip install -r requirements.txt --target ./libs').writes).toEqual(['./libs']);
    expect(installOf('mvn -s .mvn/settings.xml -Dmaven.repo.local=.m2 dependency:go-offline').files).toEqual(['.mvn/settings.xml']);
    expect(installOf('bundle install --deployment').writes).toEqual(['vendor/bundle']);
    // --binstubs takes a folder only when one follows: the next option is not its value.
    expect(kind('bundle install --binstubs --jobs 4 && bundle install --binstubs bin --jobs=4')).toEqual(['install:bundler', 'install:bundler']);
    expect(installOf('bundle install --binstubs --jobs 4').writesConfig).toBe(true);
    expect(installOf('composer install --no-scripts -o')).toMatchObject({ ignoreScripts: true, optimizedAutoloader: true });
  });

  it("reads Poetry's and uv's project installs, and whether they install the project itself", () => {
    expect(kind('poetry install --no-root && poetry sync --only main && uv sync --frozen && uv --no-cache sync --no-install-project')).toEqual(['install:poetry', 'install:poetry', 'install:uv', 'install:uv']);
    expect(installOf('poetry install --no-root --without dev')).toMatchObject({ installsProject: false, noDev: true, problem: null });
    expect(installOf('poetry install --no-interaction').installsProject).toBe(true);
    expect(installOf('uv sync --frozen').installsProject).toBe(true);
    expect(installOf('uv sync --frozen --no-install-project --config-file ci/uv.toml')).toMatchObject({ installsProject: false, files: ['ci/uv.toml'] });
    expect(installOf('poetry install --only-root').problem?.code).toBe('install-needs-source');
    expect(installOf('poetry -C api install --no-root').problem?.code).toBe('install-location');
    expect(installOf('uv sync --project ./api').problem?.code).toBe('install-location');
    expect(installOf('uv sync --find-links ./wheels').problem?.code).toBe('install-needs-source');
    // An option's value is no operand: `torch` is what --no-install-package leaves out.
    expect(installOf('uv sync --frozen --no-install-package torch --no-install-project')).toMatchObject({ installsProject: false, problem: null });
    // Settings outside the project, Poetry's own plugins and the versions leave the project alone; --local writes poetry.toml.
    expect(kind('poetry config virtualenvs.create false && poetry self add poetry-plugin-export && poetry --version && uv --version')).toEqual(['free', 'free', 'free', 'free']);
    expect(kind('poetry config --local virtualenvs.in-project true')).toEqual(['writes']);
    // What these tools do besides a plain install may read anything.
    expect(kind('poetry run pytest && poetry export -o requirements.txt && uv pip compile requirements.in && uv run app.py && uv sync extra')).toEqual([
      'needs-source',
      'needs-source',
      'needs-source',
      'needs-source',
      'needs-source',
    ]);
  });

  it("reads uv's pip interface as pip: requirements files, sync's operands, the project's own metadata", () => {
    expect(installOf('uv pip install --system --no-cache -r requirements.txt -c constraints.txt')).toMatchObject({ ecosystem: 'uv-pip', files: ['requirements.txt', 'constraints.txt'], problem: null });
    // uv's own options before `pip`, and those that take a value, are no packages or files.
    expect(installOf('uv --no-cache pip install --python 3.12 --index-strategy unsafe-best-match --requirements req/prod.txt')).toMatchObject({ files: ['req/prod.txt'], problem: null });
    expect(installOf('uv pip sync --system requirements.lock dev.lock')).toMatchObject({ ecosystem: 'uv-pip', files: ['requirements.lock', 'dev.lock'], problem: null });
    expect(installOf('uv pip install -r requirements.txt -e .')?.problem?.code).toBe('install-needs-source');
    expect(installOf('uv pip install -r pyproject.toml')?.problem?.code).toBe('install-needs-source');
    expect(installOf('uv pip sync $REQS')?.problem?.code).toBe('install-location');
    expect(kind('uv pip install --system flask gunicorn && uv pip install .')).toEqual(['free', 'needs-source']);
  });
});

describe('manifestsOf', () => {
  const set = (files: Record<string, string>, script: string, dir = '.') => manifestsOf(memoryBuildContext(files), dir, [installOf(script)]);

  it('follows requirements includes relative to the including file', () => {
    const result = set({ 'req/base.txt': '-r common.txt\nflask\n', 'req/common.txt': '# nothing\n', 'req/prod.txt': '-r base.txt\n--constraint ../c.txt\n', 'c.txt': '' }, 'pip install -r req/prod.txt');
    expect(result).toEqual({ ok: true, files: ['req/prod.txt', 'req/base.txt', 'c.txt', 'req/common.txt'], outputs: [] });
  });

  it('refuses requirements that are local paths', () => {
    for (const line of ['.', './libs/core', '-e ./plugin', 'dist/app-1.0-py3-none-any.whl', 'app @ file:///src/app', '--find-links ./wheels']) {
      const result = set({ 'requirements.txt': `flask\n${line}\n` }, 'pip install -r requirements.txt');
      expect(result.ok ? 'ok' : result.code, line).toMatch(/local-dependency|install-needs-source/);
    }
    expect(set({ 'requirements.txt': 'git+https://github.com/x/y.git#egg=y\nrequests[socks] @ https://example.com/r.whl\n' }, 'pip install -r requirements.txt').ok).toBe(true);
  });

  it("takes a uv or Poetry project's files, and refuses what builds or reads the project's own folders", () => {
    const project = '[project]\nname = "api"\nreadme = "docs/README.md"\ndependencies = ["fastapi"]\n';
    expect(set({ 'pyproject.toml': project, 'uv.lock': 'version = 1\n', 'docs/README.md': '# api' }, 'uv sync --frozen')).toEqual({ ok: true, files: ['pyproject.toml', 'uv.lock', 'docs/README.md'], outputs: ['.venv'] });
    // A package (a build system, or tool.uv.package = true) is installed from its sources, unless told not to.
    const packaged = `${project}\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n`;
    expect(set({ 'pyproject.toml': packaged }, 'uv sync')).toMatchObject({ ok: false, code: 'install-needs-source' });
    expect(set({ 'pyproject.toml': packaged }, 'uv sync --no-install-project').ok).toBe(true);
    expect(set({ 'pyproject.toml': `${packaged}\n[tool.uv]\npackage = false\n` }, 'uv sync').ok).toBe(true);
    expect(set({ 'pyproject.toml': `${project}\n[tool.uv]\npackage = true # built\n` }, 'uv sync')).toMatchObject({ ok: false, code: 'install-needs-source' });
    expect(set({ 'pyproject.toml': `${project}\n[tool.uv.workspace]\nmembers = ["libs/*"]\n` }, 'uv sync --no-install-project')).toMatchObject({ ok: false, code: 'local-dependency' });
    expect(set({ 'pyproject.toml': `${project}\n[tool.uv.sources]\ncore = { workspace = true }\n` }, 'uv sync --no-install-project')).toMatchObject({ ok: false, code: 'local-dependency' });
    // A commented-out path dependency is none.
    const poetry = '[tool.poetry]\nname = "svc"\npackage-mode = false\n\n[tool.poetry.dependencies]\npython = "^3.12"\n# core = { path = "../core" }\n';
    expect(set({ 'pyproject.toml': poetry, 'poetry.lock': '', 'poetry.toml': '[virtualenvs]\nin-project = true\n' }, 'poetry install')).toEqual({ ok: true, files: ['pyproject.toml', 'poetry.lock', 'poetry.toml'], outputs: ['.venv'] });
    expect(set({ 'pyproject.toml': poetry.replace('package-mode = false\n', '') }, 'poetry install')).toMatchObject({ ok: false, code: 'install-needs-source' });
    expect(set({ 'pyproject.toml': poetry }, 'poetry install -C api')).toMatchObject({ ok: false, code: 'install-location' });
    // A path dependency in a table of its own, and a uv workspace declared inline, are the project's files too.
    expect(set({ 'pyproject.toml': `${poetry}\n[tool.poetry.dependencies.core]\npath = "libs/core"\ndevelop = true\n` }, 'poetry install --no-root')).toMatchObject({ ok: false, code: 'local-dependency' });
    expect(set({ 'pyproject.toml': `${project}\n[tool.uv.sources.core]\npath = "libs/core"\n` }, 'uv sync --no-install-project')).toMatchObject({ ok: false, code: 'local-dependency' });
    expect(set({ 'pyproject.toml': `${project}\n[tool.uv]\nworkspace = { members = ["libs/*"] }\n` }, 'uv sync --no-install-project')).toMatchObject({ ok: false, code: 'local-dependency' });
    // A path that names no dependency (hatch's version file) is not one.
    expect(set({ 'pyproject.toml': `${project}\n[tool.hatch.version]\npath = "src/api/__about__.py"\n` }, 'uv sync --no-install-project').ok).toBe(true);
  });

  it("takes a Pipfile and its lock; a package from the project's files is refused", () => {
    expect(kind('pipenv install --system --deploy && pipenv sync --dev && pipenv install flask && pipenv install -r requirements.txt && pipenv run app')).toEqual([
      'install:pipenv',
      'install:pipenv',
      'needs-source',
      'needs-source',
      'needs-source',
    ]);
    const pipfile = '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.12"\n';
    expect(set({ Pipfile: pipfile, 'Pipfile.lock': '{}' }, 'pipenv install --system --deploy')).toEqual({ ok: true, files: ['Pipfile', 'Pipfile.lock'], outputs: ['.venv'] });
    expect(set({ Pipfile: `${pipfile}app = {path = ".", editable = true}\n` }, 'pipenv install --deploy')).toMatchObject({ ok: false, code: 'local-dependency' });
    expect(set({ Pipfile: `${pipfile}\n[packages.app]\npath = "."\n` }, 'pipenv install --deploy')).toMatchObject({ ok: false, code: 'local-dependency' });
    expect(set({}, 'pipenv install')).toMatchObject({ ok: false, code: 'manifest-missing' });
  });

  it('takes the modules of a go.work, and refuses a local replace', () => {
    const work = set({ 'go.work': 'go 1.22\n\nuse (\n\t./api\n\t./lib // shared\n)\n', 'api/go.mod': 'module api\n', 'api/go.sum': '', 'lib/go.mod': 'module lib\n' }, 'go mod download');
    expect(work).toMatchObject({ ok: false, code: 'manifest-missing', reason: 'go.mod is not in the build context' });
    const full = set({ 'go.mod': 'module root\n', 'go.work': 'use ./api\n', 'api/go.mod': 'module api\n' }, 'go mod download');
    expect(full).toEqual({ ok: true, files: ['go.work', 'go.mod', 'api/go.mod'], outputs: [] });
    expect(set({ 'go.mod': 'module x\nreplace (\n\tex.com/a => ../a\n)\n' }, 'go mod download')).toMatchObject({ ok: false, code: 'local-dependency' });
  });

  it('takes the poms of modules, and .mvn', () => {
    const result = set(
      { 'pom.xml': '<project><modules><module>api</module><!-- <module>old</module> --><module>lib/pom-lib.xml</module></modules></project>', 'api/pom.xml': '<project/>', 'lib/pom-lib.xml': '<project/>', '.mvn/maven.config': '-B' },
      'mvn dependency:go-offline',
    );
    expect(result).toEqual({ ok: true, files: ['.mvn', 'pom.xml', 'api/pom.xml', 'lib/pom-lib.xml'], outputs: [] });
  });

  it('refuses a Gemfile that reads the project, and composer autoloaders that scan it', () => {
    expect(set({ Gemfile: "source 'https://rubygems.org'\ngemspec\n" }, 'bundle install')).toMatchObject({ ok: false, code: 'local-dependency' });
    expect(set({ Gemfile: "gem 'x', path: 'vendor/x'\n" }, 'bundle install')).toMatchObject({ ok: false, code: 'local-dependency' });
    expect(set({ 'composer.json': '{"autoload":{"classmap":["database"]}}' }, 'composer install --no-scripts')).toMatchObject({ ok: false, code: 'install-needs-source' });
    expect(set({ 'composer.json': '{"autoload":{"psr-4":{"App\\\\":"src/"}}}' }, 'composer install --no-scripts -o')).toMatchObject({ ok: false, code: 'install-needs-source' });
    expect(set({ 'composer.json': '{"autoload":{"psr-4":{"App\\\\":"src/"}}}', 'composer.lock': '{}' }, 'composer install --no-scripts')).toEqual({
      ok: true,
      files: ['composer.json', 'composer.lock'],
      outputs: ['vendor'],
    });
  });

  it('reads package.json in the install’s folder, with workspace globs', () => {
    const files = { 'web/package.json': '{"workspaces":["apps/**","!apps/legacy"]}', 'web/apps/a/package.json': '{}', 'web/apps/b/c/package.json': '{}', 'web/apps/legacy/package.json': '{}', 'web/.npmrc': '' };
    const result = set(files, 'npm ci', 'web');
    expect(result.ok && result.files).toEqual(['web/package.json', 'web/.npmrc', 'web/apps/a/package.json', 'web/apps/b/c/package.json']);
    expect(result.ok && result.outputs).toContain('web/apps/a/node_modules');
  });

  it('refuses workspace packages with bin files, and lifecycle scripts anywhere', () => {
    const ws = { 'package.json': '{"workspaces":["tools/*"]}', 'tools/cli/package.json': '{"bin":{"cli":"index.js"}}' };
    expect(set(ws, 'npm ci')).toMatchObject({ ok: false, code: 'local-dependency' });
    const scripts = { 'package.json': '{"workspaces":["p/*"]}', 'p/a/package.json': '{"scripts":{"prepare":"tsc"}}' };
    expect(set(scripts, 'npm ci')).toMatchObject({ ok: false, code: 'lifecycle-scripts' });
    expect(set(scripts, 'npm ci --ignore-scripts').ok).toBe(true);
  });

  it('counts only the install scripts Yarn 2 and later run, when a yarnPath names such a release', () => {
    const berry = { '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.12.0.cjs\n', '.yarn/releases/yarn-4.12.0.cjs': '' };
    const prepare = { 'package.json': '{"workspaces":["p/*"]}', 'p/a/package.json': '{"scripts":{"prepare":"tsc","prepublish":"tsc"}}' };
    expect(set({ ...prepare, ...berry }, 'yarn install --immutable').ok).toBe(true);
    expect(set(prepare, 'yarn install')).toMatchObject({ ok: false, code: 'lifecycle-scripts' });
    expect(set({ ...prepare, '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-1.22.19.cjs\n' }, 'yarn install')).toMatchObject({ ok: false, code: 'lifecycle-scripts' });
    expect(set({ ...prepare, ...berry }, 'npm ci')).toMatchObject({ ok: false, code: 'lifecycle-scripts' });
    const postinstall = { 'package.json': '{"scripts":{"postinstall":"patch-package"}}' };
    expect(set({ ...postinstall, ...berry }, 'yarn install')).toMatchObject({ ok: false, code: 'lifecycle-scripts' });
  });
});

describe('yamlPackages', () => {
  it('reads the block list pnpm documents, and nothing it does not understand', () => {
    expect(yamlPackages("packages:\n  # apps\n  - 'apps/*'\n  - \"libs/**\"\n  - tools # local\ncatalog:\n  react: ^18\n")).toEqual(['apps/*', 'libs/**', 'tools']);
    expect(yamlPackages('catalog:\n  react: ^18\n')).toEqual([]);
    expect(yamlPackages('packages: [apps/*]\n')).toBeNull();
    expect(yamlPackages('packages:\n  - apps/*\n  nested: x\n')).toBeNull();
  });
});

describe('yamlStringMap', () => {
  it('reads a block mapping of strings under a top-level key, and nothing it does not understand', () => {
    const yaml = "packages:\n  - 'apps/*'\npatchedDependencies:\n  # ours\n  left-pad@1.3.0: patches/left-pad.patch\n  '@a/b@2.0.0': \"patches/@a__b.patch\"  # quoted\nonlyBuiltDependencies:\n  - esbuild\n";
    expect(yamlStringMap(yaml, 'patchedDependencies')).toEqual({ 'left-pad@1.3.0': 'patches/left-pad.patch', '@a/b@2.0.0': 'patches/@a__b.patch' });
    expect(yamlStringMap('packages:\n  - apps/*\n', 'patchedDependencies')).toEqual({});
    expect(yamlStringMap('patchedDependencies: {}\n', 'patchedDependencies')).toBeNull();
    expect(yamlStringMap('patchedDependencies:\n  a@1:\n    path: x.patch\n', 'patchedDependencies')).toBeNull();
  });
});

describe('readPackageJson', () => {
  it('reads string scripts and dependency specs, and nothing from what is not a JSON object', () => {
    const pkg = readPackageJson('{"scripts":{"build":"tsc","odd":1},"dependencies":{"a":"^1"},"devDependencies":{"b":{"x":1}},"gypfile":false}');
    expect(pkg?.scripts).toEqual({ build: 'tsc' });
    expect([...pkg!.dependencies]).toEqual([['a', '^1']]);
    expect([...pkg!.devDependencies]).toEqual([['b', '']]);
    expect(pkg?.json['gypfile']).toBe(false);
    for (const text of [null, '{', '[]', '"x"', 'null']) expect(readPackageJson(text)).toBeNull();
  });
});
