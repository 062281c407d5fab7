import { describe, expect, it } from 'vitest';
import { isBuildOnlyEnv, References, refersTo } from '../../src/analysis/builds/environment.js';
import { fileReads } from '../../src/analysis/builds/go.js';
import { installedPackages, installLine, isBuildOnly } from '../../src/analysis/builds/packages.js';
import { copiedOutputs, findCommands, startedArgv, tomlValues } from '../../src/analysis/builds/plan.js';
import { runScripts } from '../../src/analysis/runScripts.js';
import { startCommand } from '../../src/analysis/startCommand.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

const stage = (text: string) => {
  const file = parseDockerfile(text);
  return { file, stage: file.stages[0]!, scripts: runScripts(file, file.stages[0]!) };
};

describe('findCommands', () => {
  it('finds commands through sudo and env, with the folder cd leaves them in', () => {
    const { file, scripts } = stage('FROM a\nWORKDIR /src\nRUN cd cmd/api && env GOOS=linux go build -o ../../bin/api .\n');
    const [build] = findCommands(file, scripts, (w) => w[0] === 'go' && w[1] === 'build');
    expect(build!.cwd).toBe('/src/cmd/api');
    expect(build!.words.map((w) => w.value)).toEqual(['go', 'build', '-o', '../../bin/api', '.']);
  });

  it('moves each command by the cd before it at the top level or in its own statement', () => {
    const { file, scripts } = stage(
      'FROM a\nWORKDIR /src\nRUN cd a && make one; (cd b && make two); make three; cd $X && make four; make five\n',
    );
    const makes = findCommands(file, scripts, (w) => w[0] === 'make');
    expect(makes.map((m) => [m.words[1]!.value, m.cwd])).toEqual([
      ['one', '/src/a'],
      ['two', '/src/a/b'],
      ['three', '/src/a'],
      ['four', null],
      ['five', null],
    ]);
  });

  it('knows no folder past PATH_MAX, however many cd commands lead there', () => {
    const dir = (i: number) => `${'d'.repeat(300)}${i}`;
    const { file, scripts } = stage(`FROM a\nWORKDIR /src\nRUN ${Array.from({ length: 40 }, (_, i) => `cd ${dir(i)} && make t${i}`).join(' && ')}\n`);
    const makes = findCommands(file, scripts, (w) => w[0] === 'make');
    expect(makes).toHaveLength(40);
    expect(makes[1]!.cwd).toBe(`/src/${dir(0)}/${dir(1)}`);
    const known = makes.filter((m) => m.cwd !== null);
    expect(known.at(-1)!.cwd!.length).toBeLessThanOrEqual(4096);
    expect(makes.indexOf(known.at(-1)!) + 1).toBe(known.length);
    expect(known.length).toBe(13);
  });

  it('reads a command after a subshell in the folder the subshell left', () => {
    const { file, scripts } = stage('FROM a\nWORKDIR /src\nRUN (cd docs && make html) && go build -o /app . && cd cmd && go build ./tool\n');
    const builds = findCommands(file, scripts, (w) => w[0] === 'go' || w[0] === 'make');
    expect(builds.map((b) => b.cwd)).toEqual(['/src/docs', '/src', '/src/cmd']);
  });

  it('stops following cd commands past a few dozen before a command, so a long script stays linear', () => {
    const { file, scripts } = stage(`FROM a\nWORKDIR /src\nRUN ${Array.from({ length: 3000 }, (_, i) => `cd d${i} && make t${i}`).join(' && ')}\n`);
    const makes = findCommands(file, scripts, (w) => w[0] === 'make');
    expect(makes).toHaveLength(3000);
    expect(makes[1]!.cwd).toBe('/src/d0/d1');
    expect(makes.filter((m) => m.cwd !== null)).toHaveLength(64);
  });
});

describe('copiedOutputs', () => {
  it('follows cp, mv and install of what the build made', () => {
    const { file, scripts } = stage('FROM a\nWORKDIR /code\nRUN cargo build --release && cp target/release/app /usr/local/bin/ && install -m 0755 target/release/cli /opt/cli\n');
    expect(copiedOutputs(file, scripts, ['/code/target/release/app', '/code/target/release/cli'])).toEqual(['/usr/local/bin/app', '/opt/cli']);
  });
});

describe('startedArgv', () => {
  it('joins ENTRYPOINT and CMD and looks through tini and dumb-init', () => {
    const { file, stage: s } = stage('FROM a\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n');
    expect(startedArgv(startCommand(file, s))?.argv).toEqual(['node', 'server.js']);
    const shell = stage('FROM a\nCMD node $APP\n');
    expect(startedArgv(startCommand(shell.file, shell.stage))).toBeNull();
  });
});

describe('tomlValues', () => {
  it('reads keys of a table and of array tables, ignoring comments', () => {
    const toml = '[package]\nname = "shipping" # the service\nversion = "1.0.0"\n\n[[bin]]\nname = "healthcheck"\n\n[dependencies]\nname = "not-this"\n';
    expect(tomlValues(toml, 'package', 'name')).toEqual(['shipping']);
    expect(tomlValues(toml, 'bin', 'name')).toEqual(['healthcheck']);
  });
});

describe('fileReads (Go)', () => {
  it('finds files opened by literal relative names, not embedded ones or absolute paths', () => {
    const texts = new Map([
      ['main.go', '//go:embed static/*\nvar assets embed.FS\nvar t = template.Must(template.ParseGlob("templates/*.html"))\nfunc f() { os.ReadFile("/etc/app.yaml"); http.Dir("./static") }\n'],
      ['main_test.go', 'os.Open("testdata/x")\n'],
    ]);
    expect(fileReads(texts).map((r) => r.path)).toEqual(['templates/*.html']);
  });

  it('finds the templates and static folders of gin, echo and fiber, and configuration paths', () => {
    const texts = new Map([
      [
        'main.go',
        [
          'r := gin.Default()',
          'r.LoadHTMLGlob("templates/*")',
          'r.LoadHTMLFiles("views/index.tmpl", "views/about.tmpl")',
          'r.Static("/assets", "./assets")',
          'r.StaticFS("/more", http.Dir("more_static"))',
          'r.StaticFile("/favicon.ico", "./resources/favicon.ico")',
          'e.Static("/static", `public`)',
          'app.Static("/", "./web", fiber.Static{Compress: true})',
          'c.File("dist/index.html")',
          'viper.AddConfigPath("./config")',
          'data, _ := os.ReadFile(filepath.Join("x", name))',
          'os.ReadFile(name)',
          'r.Static(prefix, root)',
        ].join('\n'),
      ],
    ]);
    expect(fileReads(texts).map((r) => r.path)).toEqual([
      'templates/*', 'views/index.tmpl', 'views/about.tmpl', './assets', 'more_static', './resources/favicon.ico', 'public', './web', 'dist/index.html', './config',
    ]);
  });
});

describe('fileReads (Go): viper', () => {
  const reads = (code: string) => fileReads(new Map([['main.go', code]]));
  it('looks for each config name in the working folder, under every extension viper tries', () => {
    const paths = reads('viper.SetConfigName("app")\nviper.AddConfigPath(".")\n').map((r) => r.path);
    expect(paths).toContain('app.yaml');
    expect(paths).toContain('app.toml');
    expect(paths).not.toContain('app');
    // viper's default name is `config`; SetConfigType also tries the name alone.
    expect(reads('viper.SetConfigType("yaml")\nviper.AddConfigPath("./")\n').map((r) => r.path)).toContain('config');
    expect(reads('viper.AddConfigPath(".")\n').map((r) => r.path)).toContain('config.json');
    expect(reads('viper.SetConfigName("app")\nviper.AddConfigPath("./configs")\n').map((r) => r.path)).toEqual(['./configs']);
  });

  it('says so when the config name is only known at run time', () => {
    expect(reads('viper.SetConfigName(name)\nviper.AddConfigPath(".")\n')).toEqual([
      { file: 'main.go', path: '.', unknown: 'main.go adds . as a viper config path, and a SetConfigName names the file only at run time' },
    ]);
  });
});

describe('packages', () => {
  it('reads what the stage installs, leaving out removed packages and the virtual groups it deletes', () => {
    const { scripts } = stage(
      'FROM a\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq5 jq=1.6-2 && apt-get purge -y jq\nRUN apk add --virtual .deps make\nRUN apt-get install -y $EXTRA\n',
    );
    expect(installedPackages(scripts)).toEqual({ names: ['gcc', 'libpq5', 'make'], ever: ['gcc', 'libpq5', 'jq', 'make'], unknown: '$EXTRA', manager: 'apt' });
    // A deleted group takes what only it held (curl stays: it was installed by name too), and its packages only known at build time.
    const apk = stage('FROM a\nRUN apk add --no-cache curl\nRUN apk add -t .build-deps curl gcc $DEPS && make && apk del .build-deps\n').scripts;
    expect(installedPackages(apk)).toEqual({ names: ['curl'], ever: ['curl', 'gcc'], unknown: null, manager: 'apk' });
    // apt's -t is the target release, not a group.
    const backports = stage('FROM a\nRUN apt-get install -y -t bookworm-backports libvips-dev\n').scripts;
    expect(installedPackages(backports).names).toEqual(['libvips-dev']);
  });

  it('tells build tools from what a program may use', () => {
    expect(['gcc', 'libssl-dev', 'git', 'curl', 'build-base', 'python3'].every(isBuildOnly)).toBe(true);
    expect(['jq', 'libpq5', 'ca-certificates', 'tzdata', 'imagemagick'].some(isBuildOnly)).toBe(false);
    expect(installLine('apt', ['jq'])).toBe('RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*');
    expect(installLine('apk', ['libstdc++'])).toBe('RUN apk add --no-cache libstdc++');
    expect(installLine('none', ['jq'])).toBeNull();
  });
});

describe('environment', () => {
  it('knows toolchain settings and finds references', () => {
    expect(['GOPATH', 'CGO_ENABLED', 'NPM_CONFIG_LOGLEVEL', 'RUSTFLAGS', 'DEBIAN_FRONTEND'].every(isBuildOnlyEnv)).toBe(true);
    expect(['NODE_ENV', 'PORT', 'JAVA_TOOL_OPTIONS', 'PATH'].some(isBuildOnlyEnv)).toBe(false);
    expect(refersTo('ENV PATH=$GOPATH/bin:$PATH', 'GOPATH')).toBe(true);
    expect(refersTo('EXPOSE ${PORT:-80}', 'PORT')).toBe(true);
    expect(refersTo('ENV X=$PORTS', 'PORT')).toBe(false);
  });

  it('counts the texts that refer to each name as refersTo reads them', () => {
    const texts = ['ENV PATH=$GOPATH/bin:$PATH', 'EXPOSE ${PORT:-80} $PORT', 'ENV X=$PORTS $$HOME ${#LEN} ${A.B}', 'RUN echo $A.B', 'ENV Y=$9x'];
    const refs = new References(texts);
    for (const name of ['GOPATH', 'PATH', 'PORT', 'PORTS', 'HOME', 'LEN', 'A', 'A.B', 'B', '9x', 'X', 'bin']) {
      expect([name, refs.count(name)]).toEqual([name, texts.filter((t) => refersTo(t, name)).length]);
    }
    expect(refs.count('PORT')).toBe(1);
    expect(refs.count('A.B')).toBe(2);
  });
});
