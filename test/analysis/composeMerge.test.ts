import { describe, expect, it } from 'vitest';
import { composeFileSaying, servicesOf } from '../../src/analysis/compose.js';
import { mergeService, parseOverrideYaml } from '../../src/analysis/composeMerge.js';
import { memoryBuildContext } from '../../src/engine/context.js';
import { parseProjectYaml } from '../../src/engine/yaml.js';

/** The merged service \`web\` of two compose files' texts, as compose runs it. */
const merged = (project: string, override: string) => {
  const base = (parseProjectYaml(project) as { services: Record<string, Record<string, unknown>> }).services['web']!;
  const over = (parseOverrideYaml(override) as { services: Record<string, unknown> }).services['web'];
  return mergeService(base, over);
};

const spec = (project: string, override: string) => {
  const m = merged(project, override);
  if (m.kind !== 'merged') throw new Error(m.why);
  return m.spec;
};

describe('mergeService', () => {
  it('merges mappings key by key, and keeps what only the project file sets', () => {
    expect(spec('services:\n  web:\n    build: .\n    user: app\n    command: serve\n', 'services:\n  web:\n    volumes:\n      - ./data:/data\n')).toEqual({
      build: '.',
      user: 'app',
      command: 'serve',
      volumes: ['./data:/data'],
    });
    expect(spec('services:\n  web:\n    build:\n      context: .\n      dockerfile: api.Dockerfile\n', 'services:\n  web:\n    build:\n      target: dev\n')).toEqual({
      build: { context: '.', dockerfile: 'api.Dockerfile', target: 'dev' },
    });
    // \`build: ./api\` is a context of its own.
    expect(spec('services:\n  web:\n    build: ./api\n', 'services:\n  web:\n    build:\n      target: dev\n')).toEqual({ build: { context: './api', target: 'dev' } });
  });

  it('replaces command, entrypoint and healthcheck.test whole, and other scalars', () => {
    expect(
      spec(
        'services:\n  web:\n    command: ["npm", "start"]\n    entrypoint: /init\n    user: root\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n      interval: 30s\n',
        'services:\n  web:\n    command: ["npm", "run", "dev"]\n    entrypoint: []\n    user: "1000"\n    healthcheck:\n      test: ["CMD", "true"]\n',
      ),
    ).toEqual({ command: ['npm', 'run', 'dev'], entrypoint: [], user: '1000', healthcheck: { test: ['CMD', 'true'], interval: '30s' } });
  });

  it('keeps a volume once by its container path, the override\'s in the place of the project\'s', () => {
    expect(
      spec(
        'services:\n  web:\n    volumes:\n      - ./data:/data\n      - logs:/var/log\n',
        'services:\n  web:\n    volumes:\n      - type: bind\n        source: ./local\n        target: /data\n      - ~/.aspnet/https:/root/.aspnet/https:ro\n',
      )['volumes'],
    ).toEqual([{ type: 'bind', source: './local', target: '/data' }, 'logs:/var/log', '~/.aspnet/https:/root/.aspnet/https:ro']);
  });

  it('joins ports, expose and dns, each kept once', () => {
    const s = spec('services:\n  web:\n    ports: ["80:80"]\n    expose: [3000]\n    dns: 8.8.8.8\n', 'services:\n  web:\n    ports: ["80:80", "443:443"]\n    expose: ["3000", 9229]\n    dns: [1.1.1.1]\n');
    expect(s['ports']).toEqual(['80:80', '443:443']);
    // The later entry takes the earlier one's place.
    expect(s['expose']).toEqual(['3000', 9229]);
    expect(s['dns']).toEqual(['8.8.8.8', '1.1.1.1']);
  });

  it('merges environment and labels by name, from a mapping or a list', () => {
    const s = spec(
      'services:\n  web:\n    environment:\n      NODE_ENV: production\n      PORT: 80\n    labels: ["a=1"]\n',
      'services:\n  web:\n    environment:\n      - NODE_ENV=development\n      - DEBUG\n    labels:\n      a: 2\n      b: 3\n',
    );
    expect(s['environment']).toEqual(['NODE_ENV=development', 'PORT=80', 'DEBUG']);
    expect(s['labels']).toEqual(['a=2', 'b=3']);
    // Only one file sets it: kept as written.
    expect(spec('services:\n  web:\n    environment:\n      A: 1\n', 'services:\n  web:\n    ports: ["80:80"]\n')['environment']).toEqual({ A: 1 });
  });

  it('joins other lists, and merges depends_on and networks from a list or a mapping', () => {
    const s = spec('services:\n  web:\n    cap_add: [NET_ADMIN]\n    depends_on: [db]\n    networks: [front]\n', 'services:\n  web:\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n    depends_on:\n      cache:\n        condition: service_healthy\n    networks:\n      back: {}\n');
    expect(s['cap_add']).toEqual(['NET_ADMIN', 'SYS_PTRACE']);
    expect(s['depends_on']).toEqual({ db: { condition: 'service_started', required: true }, cache: { condition: 'service_healthy' } });
    expect(s['networks']).toEqual({ front: null, back: {} });
  });

  it('drops a value tagged !reset and replaces one tagged !override', () => {
    const s = spec(
      'services:\n  web:\n    user: app\n    ports: ["80:80"]\n    volumes: ["./data:/data"]\n    environment:\n      A: 1\n',
      'services:\n  web:\n    user: !reset null\n    ports: !reset []\n    volumes: !override\n      - ./dev:/dev-data\n    environment: !override\n      B: 2\n',
    );
    expect(s).toEqual({ volumes: ['./dev:/dev-data'], environment: { B: 2 } });
  });

  it('leaves the service unknown where the rules do not read it', () => {
    expect(merged('services:\n  web:\n    build: .\n', 'services:\n  web:\n    volumes: !custom [./a:/a]\n')).toEqual({ kind: 'unknown', why: 'its `volumes` is tagged `!custom`, which is not read here' });
    // A YAML merge key, which the project's YAML reader keeps as a key.
    expect(merged('x-common: &common\n  user: app\nservices:\n  web:\n    <<: *common\n    build: .\n', 'services:\n  web:\n    volumes: [./a:/a]\n').kind).toBe('unknown');
    expect(merged('services:\n  web:\n    build: .\n', 'x: &v [./a:/a]\nservices:\n  web:\n    <<: {user: app}\n').kind).toBe('unknown');
    // A list over a mapping is a file compose refuses to load.
    expect(merged('services:\n  web:\n    volumes: [./a:/a]\n', 'services:\n  web:\n    volumes:\n      a: /a\n').kind).toBe('unknown');
    // A tagged anchor is read through its aliases as something else.
    expect(merged('services:\n  web:\n    build: .\n', 'x: &v !override [./a:/a]\nservices:\n  web:\n    volumes: *v\n').kind).toBe('unknown');
  });
});

describe('servicesOf with an override file', () => {
  const services = (files: Record<string, string>) =>
    servicesOf(memoryBuildContext({ Dockerfile: 'FROM alpine\n', ...files }), 'Dockerfile', undefined).map(({ file, service }) => ({ file, spec: service.spec }));
  const project = 'services:\n  web:\n    build: .\n    user: app\n    command: serve\n';

  it('reads the project file alone, and the service compose up runs with the override merged in', () => {
    expect(services({ 'compose.yaml': project, 'compose.override.yaml': 'services:\n  web:\n    command: debug\n    volumes: [./data:/data]\n' })).toEqual([
      { file: 'compose.yaml', spec: { build: '.', user: 'app', command: 'serve' } },
      { file: 'compose.yaml', spec: { build: '.', user: 'app', command: 'debug', volumes: ['./data:/data'] } },
    ]);
  });

  it('names the file that says a key', () => {
    const [, merged] = servicesOf(memoryBuildContext({ Dockerfile: 'FROM alpine\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes: [a:/a]\n    user: app\n', 'docker-compose.override.yml': 'services:\n  web:\n    command: debug\n    volumes: [./b:/b]\n' }), 'Dockerfile', undefined);
    expect(['command', 'volumes', 'user'].map((k) => composeFileSaying(merged!.file, merged!.service, k))).toEqual([
      'docker-compose.override.yml',
      'docker-compose.yml with docker-compose.override.yml',
      'docker-compose.yml',
    ]);
  });

  it('reads the project file alone for a service the override resets, or one it builds from another Dockerfile', () => {
    expect(services({ 'compose.yaml': project, 'compose.override.yaml': 'services:\n  web: !reset null\n' })).toEqual([{ file: 'compose.yaml', spec: { build: '.', user: 'app', command: 'serve' } }]);
    expect(services({ 'compose.yaml': project, 'compose.override.yaml': 'services:\n  web:\n    build:\n      dockerfile: Dockerfile.dev\n' })).toHaveLength(1);
  });

  it("reads the override's entry on its own, as a service of its file, where the merge cannot be read", () => {
    expect(services({ 'compose.yaml': project, 'compose.override.yaml': 'x-dev: &dev\n  volumes: [./data:/data]\nservices:\n  web:\n    <<: *dev\n    user: root\n' })).toEqual([
      { file: 'compose.yaml', spec: { build: '.', user: 'app', command: 'serve' } },
      { file: 'compose.override.yaml', spec: { build: '.', '<<': { volumes: ['./data:/data'] }, user: 'root' } },
    ]);
  });
});

describe('services that run the image a Dockerfile is published as', () => {
  const dockerfile = (label: string) => `FROM node:20-alpine AS build\nRUN make\nFROM node:20-alpine\nCOPY --from=build /app /app\nLABEL ${label}\n`;
  const compose = 'services:\n  pds:\n    image: ghcr.io/Bluesky-Social/pds:0.4\n    volumes: [/pds:/pds]\n  caddy:\n    image: caddy:2\n';
  const names = (text: string) => servicesOf(memoryBuildContext({ Dockerfile: text, 'compose.yaml': compose }), 'Dockerfile', text).map(({ service }) => service.name);

  it("runs ghcr.io's package of the repository the final stage's source label names", () => {
    expect(names(dockerfile('org.opencontainers.image.source=https://github.com/bluesky-social/pds'))).toEqual(['pds']);
    expect(names(dockerfile('org.opencontainers.image.source="https://github.com/bluesky-social/pds.git"'))).toEqual(['pds']);
  });

  it('not one of another repository, a label of a stage the final one is not built on, or an image elsewhere', () => {
    expect(names(dockerfile('org.opencontainers.image.source=https://github.com/bluesky-social/pds-tools'))).toEqual([]);
    expect(names(`FROM alpine AS tools\nLABEL org.opencontainers.image.source=https://github.com/bluesky-social/pds\nFROM node:20-alpine\n`)).toEqual([]);
    expect(names(dockerfile('org.opencontainers.image.source=https://gitlab.com/bluesky-social/pds'))).toEqual([]);
  });
});
