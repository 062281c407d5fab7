import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryBuildContext, openBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import nonRootUser from '../transforms/non-root-user.js';
import { runFixtureCase } from './helpers/fixtures.js';

/** non-root-user's refusals of `text`, as `code: reason`. */
function refusals(text: string): string[] {
  const result = runPipeline(text, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { buildContext: memoryBuildContext({}) });
  if (!result.ok) throw new Error(result.error.message);
  return result.refusals.map((r) => `${r.code}: ${r.reason}`);
}

/** The review reasons of non-root-user's changes to `text`, over a build context of `files`. */
function review(text: string, files: Record<string, string> = {}): string[] {
  const result = runPipeline(text, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { buildContext: memoryBuildContext(files) });
  if (!result.ok) throw new Error(result.error.message);
  return result.changes.map((c) => c.review ?? '');
}

describe('non-root-user: a base image it does not know', () => {
  it('says that a registry without `latest` has no image for a reference without a tag, or with `latest`', () => {
    const text = (from: string) => `FROM ${from}\nRUN microdnf install -y openssl\nCMD ["/usr/local/bin/server"]\n`;
    expect(refusals(text('container-registry.oracle.com/os/oraclelinux'))).toEqual([
      'unknown-image: container-registry.oracle.com/os/oraclelinux names no tag, and the repository has no `latest` tag (each of its tags names a version): the reference cannot be pulled as written, and which image it means is unknown, so which tools could create a user there is unknown too',
    ]);
    expect(refusals(text('container-registry.oracle.com/os/oraclelinux:latest'))).toEqual([
      'unknown-image: container-registry.oracle.com/os/oraclelinux:latest names the tag `latest`, and the repository has no `latest` tag (each of its tags names a version): the reference cannot be pulled as written, and which image it means is unknown, so which tools could create a user there is unknown too',
    ]);
    // A digest names the image without a tag.
    expect(refusals(text(`container-registry.oracle.com/os/oraclelinux@sha256:${'a'.repeat(64)}`))).toEqual([
      `unknown-image: container-registry.oracle.com/os/oraclelinux@sha256:${'a'.repeat(64)} is not an image the knowledge base knows, so which tools could create a user there is unknown`,
    ]);
  });
});

describe('non-root-user: a final stage without a command', () => {
  it('on a known base is an image others build on', () => {
    expect(refusals('FROM debian:bookworm\nRUN apt-get update\n')).toEqual([
      'base-image: the final stage sets no CMD or ENTRYPOINT: it looks like an image others build on, where a USER would make their RUNs non-root',
    ]);
  });

  it('on scratch only holds files, which nothing builds on with a RUN', () => {
    expect(refusals('FROM python:3.12-slim AS gen\nRUN mkdir -p /result && touch /result/service_pb2.py\n\nFROM scratch AS output\nCOPY --from=gen /result/* /\n')).toEqual([
      "base-image: the final stage is built on scratch and names no program to run (no CMD or ENTRYPOINT): it only holds files, a build's output or what other images copy",
    ]);
  });

  it('on an unknown base runs what that image starts', () => {
    expect(refusals('FROM ghcr.io/hotio/base:alpinevm\nRUN apk add --no-cache icu-libs\nEXPOSE 8989\n')).toEqual([
      "unknown-image: the final stage sets no CMD or ENTRYPOINT, so it runs what ghcr.io/hotio/base:alpinevm starts, an image the knowledge base does not know: that may be a service that must start as root (s6-overlay's /init, a database's entrypoint), or only a shell in an image others build on",
    ]);
  });

  it("on LinuxServer.io's base image says that its s6-overlay /init starts as root, not that the image is unknown", () => {
    expect(refusals('FROM ghcr.io/linuxserver/baseimage-alpine:3.23\nRUN apk add --no-cache icu-libs\nEXPOSE 8989\n')).toEqual([
      "needs-root: ghcr.io/linuxserver/baseimage-alpine:3.23 must start as root: its ENTRYPOINT is s6-overlay's /init, which starts as root to give the account abc the container's PUID and PGID and to start the services, which switch to abc themselves",
    ]);
  });

  it('on an official database image says that its entrypoint switches users itself, not that the image is unknown', () => {
    expect(refusals('FROM postgres\nENV POSTGRES_DB test\nCOPY ./sql-scripts/ /docker-entrypoint-initdb.d/\n')).toEqual([
      "manages-privileges: the final stage sets no CMD or ENTRYPOINT, so it runs what postgres starts: its server, through its entrypoint (postgres's docker-entrypoint.sh), which starts as root to set up the data folder and then switches to postgres with gosu itself: a USER would keep it from doing that set-up",
    ]);
  });

  it('on another official service image says what its entrypoint does, not that the image is unknown', () => {
    expect(refusals('FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/traefik.yml\n')).toEqual([
      "unknown-image: the final stage sets no CMD or ENTRYPOINT, so it runs what traefik:v3.1 starts: its service, through its entrypoint (traefik's entrypoint script), which sets the service up as root (its data, its set-up scripts) and may switch to the service's own user itself",
    ]);
  });

  it("on an official service image whose entrypoint steps down to its account says so (rabbitmq's gosu, consul's su-exec)", () => {
    expect(refusals('FROM rabbitmq:3.13-management\nCOPY rabbitmq.conf /etc/rabbitmq/rabbitmq.conf\n')).toEqual([
      "manages-privileges: the final stage sets no CMD or ENTRYPOINT, so it runs what rabbitmq:3.13-management starts: its server, through its entrypoint (rabbitmq's docker-entrypoint.sh), which starts as root to set up the data folder and then switches to rabbitmq with gosu (su-exec on the Alpine tags) itself: a USER would keep it from doing that set-up",
    ]);
    expect(refusals('FROM hashicorp/consul:1.19\nCMD ["agent", "-dev"]\n')[0]).toMatch(/^manages-privileges: the CMD `agent -dev` runs the server of hashicorp\/consul:1.19, .* switches to consul with su-exec itself/);
    // zookeeper's entrypoint takes no options alone, and steps down for zkServer.sh only.
    expect(refusals('FROM zookeeper:3.9\nCMD ["zkCli.sh", "-server", "zk:2181"]\n')[0]).toMatch(/^unknown-image: /);
  });

  it("on envoy's image, whose entrypoint steps down to envoy for any command unless ENVOY_UID is 0, says what it sets up", () => {
    expect(refusals('FROM envoyproxy/envoy:v1.31-latest\nCOPY envoy.yaml /etc/envoy/envoy.yaml\n')).toEqual([
      "manages-privileges: the final stage sets no CMD or ENTRYPOINT, so it runs what envoyproxy/envoy:v1.31-latest starts: its server, through its entrypoint (envoyproxy/envoy's docker-entrypoint.sh), which starts as root to set up the envoy account (its uid and gid from ENVOY_UID and ENVOY_GID, and the container's stdout and stderr) and then switches to envoy with su-exec itself: a USER would keep it from doing that set-up",
    ]);
    expect(refusals('FROM envoyproxy/envoy:v1.31.2\nCMD ["sh", "-c", "envoy -c /etc/envoy/envoy.yaml"]\n')[0]).toMatch(/^manages-privileges: the CMD `sh -c envoy -c \/etc\/envoy\/envoy.yaml` runs in envoyproxy\/envoy:v1.31.2, through its entrypoint .* switches to envoy with su-exec itself/);
    // Told not to switch, it runs the command as root: the image's tools are not known.
    expect(refusals('FROM envoyproxy/envoy:v1.31.2\nENV ENVOY_UID=0\nCMD ["envoy", "-c", "/etc/envoy/envoy.yaml"]\n')[0]).toMatch(/^unknown-image: /);
    // The distroless tags are another image: envoy itself as ENTRYPOINT.
    expect(refusals('FROM envoyproxy/envoy:distroless-v1.31.2\nCMD ["-c", "/etc/envoy/envoy.yaml"]\n')[0]).toMatch(/^unknown-image: /);
  });

  it('on an official image it does not identify but whose command it knows says what that starts (a shell, /hello)', () => {
    expect(refusals('FROM centos:6\nRUN yum install -y httpd\n')).toEqual([
      'base-image: the final stage sets no CMD or ENTRYPOINT, so it runs what centos:6 starts, a shell, as every centos image does: a prompt that runs no program of its own, as base images do; it looks like an image others build on, where a USER would make their RUNs non-root',
    ]);
    expect(refusals('FROM hello-world\nCOPY x /x\n')[0]).toMatch(/^base-image: .* runs what hello-world starts, `\/hello`, /);
    // With a command of its own, the image's tools are what count, and they are not known.
    expect(refusals('FROM centos:6\nRUN yum install -y httpd\nCMD ["httpd", "-DFOREGROUND"]\n')[0]).toMatch(/^(unknown-image|needs-root): /);
  });

  it("on a Chainguard image that runs as root says so, and switches to the nonroot wolfi-base carries", () => {
    expect(refusals('FROM cgr.dev/chainguard/go:latest\nCOPY . /src\nRUN cd /src && go build -o /server .\nENTRYPOINT ["/server"]\n')).toEqual([
      "unknown-image: cgr.dev/chainguard/go:latest is Chainguard's go image, which runs as root; the knowledge base knows no non-root account there for the stage to switch to, nor the image's tools, so which could create a user there is unknown",
    ]);
    expect(refusals('FROM cgr.dev/chainguard/wolfi-base\nRUN apk add --no-cache python-3.12\nCMD ["python3", "-m", "http.server", "8000"]\n')).toEqual([]);
  });

  it('on a stage a build argument picks says so, not that the image is unknown', () => {
    const text = 'ARG BASEIMGTYPE=docker\nFROM debian:12-slim AS base-docker\nFROM base-${BASEIMGTYPE} AS base\nRUN apt-get update\nFROM base AS app\nWORKDIR /src\n';
    expect(refusals(text)).toEqual([
      "unknown-image: the final stage sets no CMD or ENTRYPOINT, so it runs what base-${BASEIMGTYPE} starts, an image a build argument picks: that may be a service that must start as root (s6-overlay's /init, a database's entrypoint), or only a shell in an image others build on",
    ]);
  });

  it('on an image a build argument without a default completes names the argument, not the image as unknown', () => {
    const text = 'ARG GOLANG_VERSION\nFROM golang:${GOLANG_VERSION}-alpine\nCOPY . /src\nENTRYPOINT ["go", "run", "/src/main.go"]\n';
    expect(refusals(text)).toEqual([
      'unknown-image: golang:${GOLANG_VERSION}-alpine is named with `GOLANG_VERSION` (a build argument without a default), so which image it is, and which tools could create a user there, is unknown',
    ]);
  });
});

/** non-root-user's refusals and change messages of `text` with a build context of `files`. */
function run(text: string, files: Record<string, string>): { refusals: string[]; changes: string[]; output: string } {
  const result = runPipeline(text, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { buildContext: memoryBuildContext(files) });
  if (!result.ok) throw new Error(result.error.message);
  return { refusals: result.refusals.map((r) => `${r.code}: ${r.reason}`), changes: result.changes.map((c) => c.message), output: result.output };
}

describe('non-root-user: the folder of a copied SQLite database', () => {
  const app = { 'app.py': 'import sqlite3\n', 'data/todo.db': 'SQLite format 3\n', 'db.sqlite3': 'SQLite format 3\n' };

  it('is made the user\'s with the database: SQLite writes its journal beside it', () => {
    const { output } = run('FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py .\nCOPY data/ /var/lib/todo/\nCMD ["python", "app.py"]\n', app);
    expect(output).toContain('COPY --chown=10001:10001 data/ /var/lib/todo/\n');
    expect(output).toContain('mkdir -p /var/lib/todo && \\\n    chown 10001:10001 /var/lib/todo\n');
  });

  it('is refused when it is the working folder, which stays root\'s', () => {
    expect(run('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n', app).refusals).toEqual([
      "writes-app-folder: line 3 copies the SQLite database db.sqlite3 to /app/db.sqlite3; SQLite writes its journal (db.sqlite3-journal, or -wal and -shm) beside it, so the user would need /app itself, and /app is the app's working folder, which stays root's: keep the database in a folder of its own (a VOLUME such as /data)",
    ]);
  });

  it('is refused when other COPYs write there too', () => {
    expect(run('FROM python:3.12-slim\nWORKDIR /\nCOPY app.py /srv/app/\nCOPY db.sqlite3 /srv/app/\nCMD ["python", "/srv/app/app.py"]\n', app).refusals[0]).toContain(
      'so the user would need /srv/app itself, and line 3 copies other files there too, which stays root\'s',
    );
  });

  it('needs nothing more when the COPY makes it (a folder inside a copied folder)', () => {
    const { output, changes } = run('FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py .\nCOPY data ./data\nCMD ["python", "app.py"]\n', { 'app.py': '', 'data/seed/todo.db': 'SQLite format 3\n' });
    expect(changes).toEqual(['run as a new system account app (10001:10001) made with groupadd and useradd; COPY of the SQLite database data/seed/todo.db owned by the user']);
    expect(output).toContain('COPY --chown=10001:10001 data ./data\n');
    expect(output).not.toContain('mkdir -p');
  });
});

describe('non-root-user: a folder a mkdir makes that a later COPY fills', () => {
  const site = { 'app.py': '', 'media/avatars/default.png': 'PNG' };
  const dockerfile = (between: string) => `FROM python:3.12-slim\nWORKDIR /app\nRUN mkdir -p /app/media\n${between}COPY . /app\nCMD ["python", "app.py"]\n`;

  it('is the user\'s with what the COPY brings, when the build context shows the folder it brings', () => {
    const { output, changes } = run(dockerfile(''), site);
    expect(output).toContain('COPY . /app\nRUN groupadd');
    expect(output).toContain('chown -R 10001:10001 /app/media\n');
    expect(changes[0]).toContain("/app/media made the user's: a folder a mkdir makes for the app to write in while it runs, with what the COPY on line 4 puts there from the build context's media/");
  });

  it('is refused when the RUN that would give it goes before that COPY, above a VOLUME', () => {
    expect(run(dockerfile('VOLUME /var/cache/app\n'), site).refusals).toEqual([
      "volume: /app/media, made by the mkdir of /app/media and filled by the COPY on line 5 from the build context's media/, is there for the app to write in: the RUN that gives it to the user goes before VOLUME /var/cache/app on line 4, above that COPY, so what it copies there would stay root's",
    ]);
  });
});

describe('non-root-user: a uid on scratch', () => {
  it('says the user has no home to write a cache in', () => {
    // uv's image: a CLI whose cache goes to $HOME/.cache, / for a uid with no account.
    const [why] = review('FROM rust:1.83 AS build\nRUN cargo build --release\nFROM scratch\nCOPY --from=build /uv /uvx /\nWORKDIR /io\nENTRYPOINT ["/uv"]\n');
    expect(why).toContain('on scratch the user has no home and there is no /tmp: HOME is /');
  });

  it('says nothing of a home where the image has an account', () => {
    const [why] = review('FROM alpine:3.20\nCOPY app /usr/local/bin/app\nENTRYPOINT ["/usr/local/bin/app"]\n');
    expect(why).toContain('the container no longer runs as root');
    expect(why).not.toContain('no home');
  });
});

describe('non-root-user: data a root container left', () => {
  it('says a volume the earlier image filled stays root\'s, and how to give it over', () => {
    // restic/rest-server's shape: the repository lives in a VOLUME that deployments keep across upgrades.
    const [why] = review('FROM alpine:3.20\nCOPY rest-server /usr/bin/\nVOLUME /data\nEXPOSE 8000\nCMD ["/usr/bin/rest-server", "--path", "/data"]\n');
    expect(why).toContain("a named volume or bind mount that a container of the earlier image, as root, already filled at /data keeps root's files");
    expect(why).toContain('(`chown -R 10001:10001`) when upgrading');
  });

  it('says nothing of volumes where the image has none', () => {
    const [why] = review('FROM alpine:3.20\nCOPY app /usr/local/bin/app\nENTRYPOINT ["/usr/local/bin/app"]\n');
    expect(why).not.toContain('named volume');
  });
});

describe('non-root-user: what the user owns, as the review says it', () => {
  const APP = { 'app.py': 'print(1)\n' };

  it('does not call the working folder root\'s when the stage gives it to the user', () => {
    // saleor's shape: the account is made, and the app folder chowned to it, but no USER.
    const [why] = review('FROM python:3.12-slim\nRUN groupadd -r saleor && useradd -r -g saleor saleor\nWORKDIR /app\nCOPY . /app\nRUN chown -R saleor:saleor /app\nCMD ["python", "app.py"]\n', APP);
    expect(why).toContain('its VOLUMEs and what the stage gives it with chown or COPY --chown');
    expect(why).not.toContain('the working folder stay root-owned');
  });

  it('says copied files stay root\'s when the stage gives the user nothing', () => {
    const [why] = review('FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nCMD ["python", "app.py"]\n', APP);
    expect(why).toContain('copied files and the working folder stay root-owned and read-only');
  });
});

describe('non-root-user: a USER Kubernetes can verify', () => {
  const APP = { 'app.py': 'print(1)\n' };
  /** The USER line non-root-user adds to \`text\`. */
  function userLine(text: string, files: Record<string, string> = APP): string | undefined {
    const result = runPipeline(text, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { buildContext: memoryBuildContext(files) });
    if (!result.ok) throw new Error(result.error.message);
    return result.output.split('\n').find((l) => l.startsWith('USER '));
  }

  it("names saleor's system account, whose uid useradd picks, and says how to make it a number", () => {
    const text = 'FROM python:3.12-slim\nRUN groupadd -r saleor && useradd -r -g saleor saleor\nWORKDIR /app\nCOPY . /app\nRUN chown -R saleor:saleor /app\nCMD ["python", "app.py"]\n';
    expect(userLine(text)).toBe('USER saleor');
    const [why] = review(text, APP);
    expect(why).toContain(
      'USER names saleor, whose uid the Dockerfile does not give: Kubernetes\' runAsNonRoot cannot verify a name (the kubelet refuses to start the pod: "image has non-numeric user (saleor), cannot verify user is non-root"); give it a uid on line 2 (`-u` to useradd or adduser, and its group a gid) and USER that number, the one it has in the image now (`docker run --rm --entrypoint id IMAGE -u saleor`) to keep what it wrote in volumes its own',
    );
  });

  it('writes the uid a useradd gives, and its gid only where the Dockerfile gives one', () => {
    expect(userLine('FROM python:3.12-slim\nRUN useradd -u 1001 app\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n')).toBe('USER 1001');
    expect(userLine('FROM python:3.12-slim\nRUN groupadd -g 1002 app && useradd --uid 1001 --gid app app\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n')).toBe('USER 1001:1002');
    const [why] = review('FROM python:3.12-slim\nRUN useradd -u 1001 app\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n', APP);
    expect(why).not.toContain('runAsNonRoot');
  });

  it("names netbox-docker's unit, which the unit package makes with a uid of its own, and says how to make it a number", () => {
    const text = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install --yes --no-install-recommends unit unit-python3.12 && rm -rf /var/lib/apt/lists/*\nCOPY . /opt/app\nRUN mkdir -p /opt/unit/state && chown -R unit:root /opt/unit && chmod -R g+w /opt/unit\nCMD ["unitd", "--no-daemon"]\n';
    expect(userLine(text)).toBe('USER unit:root');
    const [why] = review(text, APP);
    expect(why).toContain("USER names unit, whose uid the Dockerfile does not give: Kubernetes' runAsNonRoot cannot verify a name");
    expect(why).toContain("the Dockerfile does not make the account: set the pod's runAsUser to its uid (`docker run --rm --entrypoint id IMAGE -u unit`), or make the account in the Dockerfile with a fixed uid, before what installs it, and USER that number");
  });

  it("writes the number Debian fixes for www-data, and nobody's on Alpine", () => {
    expect(userLine('FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=www-data:root . /app\nCMD ["python", "app.py"]\n')).toBe('USER 33:0');
    expect(userLine('FROM python:3.12-alpine\nWORKDIR /app\nCOPY --chown=nobody . /app\nCMD ["python", "app.py"]\n')).toBe('USER 65534:65534');
  });

  it('keeps the name where the stage may have renumbered the account, or the family does not fix it', () => {
    expect(userLine('FROM python:3.12-slim\nRUN usermod -u 1000 www-data\nWORKDIR /app\nCOPY --chown=www-data . /app\nCMD ["python", "app.py"]\n')).toBe('USER www-data');
    expect(userLine('FROM python:3.12-slim\nRUN sed -i "s/:33:33:/:1000:1000:/" /etc/passwd\nWORKDIR /app\nCOPY --chown=www-data . /app\nCMD ["python", "app.py"]\n')).toBe('USER www-data');
    expect(userLine('FROM python:3.12-slim\nCOPY setup-accounts.sh /tmp/\nRUN sh /tmp/setup-accounts.sh\nWORKDIR /app\nCOPY --chown=www-data . /app\nCMD ["python", "app.py"]\n')).toBe('USER www-data');
    expect(userLine('FROM python:3.12-slim\nCOPY passwd /etc/passwd\nWORKDIR /app\nCOPY --chown=www-data . /app\nCMD ["python", "app.py"]\n')).toBe('USER www-data');
  });
});

describe('non-root-user: gosu in a RUN', () => {
  it('says a RUN that only runs it finds it in the image, not that it installs it', () => {
    expect(refusals('FROM debian:bookworm\nENV PGDATA=/var/lib/postgresql/data\nRUN gosu postgres initdb --locale=C\nCMD ["/usr/local/bin/start.sh"]\n')[0]).toBe(
      'manages-privileges: a RUN runs gosu, so the image has it: an entrypoint uses it to switch from root to another user',
    );
  });

  it('says a RUN that downloads it installs it', () => {
    expect(refusals('FROM debian:bookworm\nRUN curl -fsSLo /usr/local/bin/gosu https://example.com/gosu-amd64 && chmod +x /usr/local/bin/gosu && gosu nobody true\nCMD ["/usr/local/bin/app"]\n')[0]).toBe(
      'manages-privileges: a RUN installs gosu, which an entrypoint uses to switch from root to another user',
    );
  });
});

describe('non-root-user: data kept in the home', () => {
  it('refuses a server that keeps its data in $HOME, with where and how to move it', () => {
    expect(refusals('FROM ubuntu:24.04\nCOPY --from=build /bin/ollama /usr/bin/ollama\nENV OLLAMA_HOST=0.0.0.0:11434\nENTRYPOINT ["/bin/ollama"]\nCMD ["serve"]\n')).toEqual([
      "root-home: the command runs ollama, which keeps the models it pulls in $HOME/.ollama: as root that is /root/.ollama, where its users mount their volume; run as another user, it looks in that user's home, and the data already in their volumes would no longer be found (set ENV OLLAMA_MODELS to a folder outside /root, and mount the volume there)",
    ]);
  });

  it('leaves a server alone to the rest of the checks when an ENV sets HOME elsewhere', () => {
    expect(refusals('FROM ubuntu:24.04\nCOPY --from=build /bin/ollama /usr/bin/ollama\nENV HOME=/srv/ollama\nENTRYPOINT ["/bin/ollama"]\nCMD ["serve"]\n')).toEqual([]);
  });

  it('says a VOLUME in /root is out of the user\'s reach when HOME is set elsewhere', () => {
    expect(refusals('FROM ubuntu:24.04\nENV HOME=/srv\nVOLUME /root/.cache\nCMD ["/usr/local/bin/app"]\n')).toEqual([
      "root-home: VOLUME /root/.cache is in root's home, which other users cannot read (/root is mode 700), so the data users keep in that volume would be out of the user's reach",
    ]);
  });

  it('says the command names a file in /root it only reads, not that it runs it', () => {
    expect(refusals('FROM python:3.12-slim\nRUN pip install --no-cache-dir requests\nENTRYPOINT ["bash", "-c", "python -m app --config=/root/app.json"]\n')).toEqual([
      "root-home: the command names /root/app.json, in root's home, which other users cannot read (/root is mode 700)",
    ]);
  });

  it('says HOME moves from /root to the user\'s home', () => {
    const [why] = review('FROM alpine:3.20\nCOPY app /usr/local/bin/app\nENTRYPOINT ["/usr/local/bin/app"]\n');
    expect(why).toContain("HOME is no longer /root but the user's home");
  });

  it("names a pip install the start script runs, which goes to the user's site-packages", () => {
    const entrypoint = '#!/bin/sh\nset -e\nif [ -n "$EXTRA_PACKAGES" ]; then\n  pip3 install --no-cache-dir $EXTRA_PACKAGES\nfi\nexec "$@"\n';
    const dockerfile = (script: string) => `FROM python:3.11-slim\nWORKDIR /app\nCOPY app.py ${script} /app/\nENTRYPOINT ["/app/${script}"]\nCMD ["python", "app.py"]\n`;
    const [why] = review(dockerfile('entrypoint.sh'), { 'app.py': 'print(1)\n', 'entrypoint.sh': entrypoint });
    expect(why).toContain("entrypoint.sh runs `pip3 install --no-cache-dir $EXTRA_PACKAGES` when the container starts: as the user, pip cannot write the image's site-packages and installs into the user's");
    // Into a folder it names, or the user's own, it writes where it did as root.
    const [target] = review(dockerfile('entrypoint.sh'), { 'app.py': 'print(1)\n', 'entrypoint.sh': entrypoint.replace('--no-cache-dir', '--target /tmp/extra') });
    expect(target).not.toContain('pip3 install');
  });

  it('says HOME is / for a uid the stage gives files to and makes no account for', () => {
    const [why] = review('FROM python:3.12-slim\nCOPY . /code/\nRUN mkdir -p /code/media && chown -R 1000:2000 /code/media\nCMD ["uwsgi", "/code/uwsgi.ini"]\n');
    expect(why).toContain('no account the Dockerfile makes has uid 1000: unless the image has one, Docker sets HOME to /');
    expect(why).not.toContain('HOME is no longer /root');
  });

  it('says HOME moves to the home of an account the stage makes for the uid it gives files to', () => {
    const [why] = review('FROM python:3.12-slim\nRUN useradd -u 1000 app\nCOPY . /code/\nRUN mkdir -p /code/media && chown -R 1000:1000 /code/media\nCMD ["uwsgi", "/code/uwsgi.ini"]\n');
    expect(why).toContain("HOME is no longer /root but the user's home");
  });

  it('says nothing of HOME when the image sets it', () => {
    const [why] = review('FROM bitnami/kafka:3.7\nUSER root\nRUN install_packages jq\n');
    expect(why).not.toContain('HOME is no longer /root');
  });

  it('says nothing of HOME when an ENV sets it', () => {
    const [why] = review('FROM alpine:3.20\nENV HOME=/srv\nCOPY app /usr/local/bin/app\nENTRYPOINT ["/usr/local/bin/app"]\n');
    expect(why).not.toContain('HOME is no longer /root');
  });
});

describe('non-root-user: a start script named with a variable', () => {
  it('says an ENV value of several words is a command line, not a file the context lacks', () => {
    expect(refusals('FROM node:22-bookworm-slim\nENV START="/app/start.sh --verbose"\nCOPY start.sh /app/start.sh\nCMD ["sh", "-c", "$START"]\n')).toEqual([
      'entrypoint-unread: the command runs $START, a script that cannot be read (it is named with a variable an ENV sets to several words (`/app/start.sh --verbose`), which the shell splits or runs as a command line, as dockshift does not follow): it may switch users itself',
    ]);
  });
});

describe('non-root-user: a start script no COPY puts in the image', () => {
  it('names the RUN that may make it, or says the base image does not have it', () => {
    expect(refusals('FROM debian:bookworm-slim\nRUN printf \'#!/bin/sh\\nexec "$@"\\n\' > /start.sh && chmod +x /start.sh\nCMD ["/start.sh", "server"]\n')).toEqual([
      'entrypoint-unread: the command runs /start.sh, a script that cannot be read (no COPY or ADD puts /start.sh in the image: the RUN on line 2 may make it): it may switch users itself',
    ]);
    expect(refusals('FROM alpine:3.20\nRUN apk add --no-cache samba-dc\nCMD ["/init.sh", "setup"]\n')).toEqual([
      'entrypoint-unread: the command runs /init.sh, a script that cannot be read (no COPY or ADD puts /init.sh in the image, and alpine:3.20 does not have it: a RUN may make it, or it is mounted when the container runs or added by an image built on this one): it may switch users itself',
    ]);
  });

  it('looks for a relative one where the command moved, not in the working folder', () => {
    // `./srcds_run` is in /steam/tf2, which the RUN fills: not a path under the WORKDIR, and no COPY puts it there.
    expect(refusals('FROM debian:bookworm-slim\nWORKDIR /srv\nRUN mkdir -p /steam/tf2\nCMD cd /steam/tf2 && ./srcds_run -port 27015\n')).toEqual([
      'entrypoint-unread: the command runs ./srcds_run, a script that cannot be read (no COPY or ADD puts /steam/tf2/srcds_run in the image, and debian:bookworm-slim does not have it: a RUN may make it, or it is mounted when the container runs or added by an image built on this one): it may switch users itself',
    ]);
    expect(refusals('FROM debian:bookworm-slim\nWORKDIR /srv\nCMD cd "$GAME_DIR" && ./srcds_run -port 27015\n')).toEqual([
      'entrypoint-unread: the command runs ./srcds_run, a script that cannot be read (the command runs it after a `cd` to a folder dockshift does not follow): it may switch users itself',
    ]);
  });
});

describe('non-root-user: a dev container', () => {
  const dockerfile = 'FROM ubuntu:noble\nRUN apt-get update && apt-get install -y --no-install-recommends git\nCMD ["sleep", "infinity"]\n';
  const run = (files: Record<string, string>) => {
    const result = runPipeline(dockerfile, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { path: '.devcontainer/Dockerfile', buildContext: memoryBuildContext(files) });
    if (!result.ok) throw new Error(result.error.message);
    return result.refusals.map((r) => `${r.code}: ${r.reason}`);
  };

  it('names the user the configuration picks', () => {
    // Built with the folder above as its context, the Dockerfile is that context's .devcontainer/Dockerfile.
    expect(run({ '.devcontainer/devcontainer.json': '{ "build": { "dockerfile": "Dockerfile", "context": ".." }, "remoteUser": "vscode" }', '.devcontainer/Dockerfile': dockerfile })).toEqual([
      'dev-container: .devcontainer/devcontainer.json builds this Dockerfile as a dev container: the configuration picks the user, vscode, and its features may make that account after this build, so a USER here is not how this image chooses its user',
    ]);
  });

  it('is CodeSandbox\'s .codesandbox/Dockerfile, whose terminals open as root', () => {
    const result = runPipeline(dockerfile, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { path: '.codesandbox/Dockerfile', buildContext: memoryBuildContext({}) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.refusals.map((r) => `${r.code}: ${r.reason}`)).toEqual([
      'dev-container: CodeSandbox builds .codesandbox/Dockerfile as a dev container and opens every terminal in it as root, where its users install what they need, so a USER here is not how this image chooses its user',
    ]);
  });

  it('says when the configuration names no user', () => {
    expect(run({ 'devcontainer.json': '{ "dockerFile": "Dockerfile" }' })).toEqual([
      'dev-container: devcontainer.json builds this Dockerfile as a dev container: the configuration sets no containerUser or remoteUser: the dev container runs as root until the configuration names a user, so a USER here is not how this image chooses its user',
    ]);
  });

  it('says that a dev container image picks the user when the configuration names none', () => {
    // The image's devcontainer.metadata label names its remoteUser (node here), not root.
    const onImage = 'ARG VARIANT=20\nFROM mcr.microsoft.com/devcontainers/javascript-node:0-${VARIANT} as base\nRUN apt-get update && apt-get -y install --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*\n';
    const result = runPipeline(onImage, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { path: '.devcontainer/Dockerfile', buildContext: memoryBuildContext({ '.devcontainer/devcontainer.json': '{ "build": { "dockerfile": "Dockerfile" } }', '.devcontainer/Dockerfile': onImage }) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.refusals.map((r) => `${r.code}: ${r.reason}`)).toEqual([
      'dev-container: .devcontainer/devcontainer.json builds this Dockerfile as a dev container: the configuration sets no containerUser or remoteUser: the image it builds on, mcr.microsoft.com/devcontainers/javascript-node:0-20, a dev container image, picks the user, so a USER here is not how this image chooses its user',
    ]);
  });
});

describe('non-root-user: a low port and a program given the capability to bind it', () => {
  it('says when the capability helps, rather than that only root binds the port', () => {
    const dockerfile = "FROM alpine:3.20\nCOPY dns-server /opt/dns/dns-server\nRUN setcap 'cap_net_bind_service=+eip' /opt/dns/dns-server\nEXPOSE 53/udp\nENTRYPOINT [\"/opt/dns/dns-server\"]\n";
    const result = runPipeline(dockerfile, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { path: 'Dockerfile', buildContext: memoryBuildContext({ 'dns-server': '' }) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.refusals.map((r) => `${r.code}: ${r.reason}`)).toEqual([
      "privileged-port: it exposes port 53: binding a port below 1024 needs root (or the cap_net_bind_service that line 3 gives a program with setcap, which a process gains only where the runtime keeps that capability and allows gaining it: not under no-new-privileges, as Kubernetes' restricted policy sets) where the runtime does not lower net.ipv4.ip_unprivileged_port_start (Kubernetes does not)",
    ]);
  });
});

describe('non-root-user: a configuration file the command names with -f or -c', () => {
  const reasons = (name: string) => runFixtureCase('non-root-user', name).refusals.map((r) => `${r.code}: ${r.reason}`);

  it('is named as the file the program reads, not a script it runs', () => {
    expect(reasons('refuse-haproxy-config-chroot')).toEqual([
      'manages-privileges: haproxy.cfg, the configuration file the command reads (`-f /usr/local/etc/haproxy/haproxy.cfg`), names chroot, which starts as root and switches user itself',
    ]);
    expect(reasons('refuse-haproxy-config-low-port')).toEqual([
      'privileged-port: it reads haproxy.cfg (`-f /usr/local/etc/haproxy/haproxy.cfg`), a configuration that has it listen on port 80: binding a port below 1024 needs root where the runtime does not lower net.ipv4.ip_unprivileged_port_start (Kubernetes does not)',
    ]);
  });

  it("is a script a shell's -c runs", () => {
    const result = runPipeline('FROM debian:bookworm-slim\nCOPY start.sh /start.sh\nCMD ["sh", "-c", "/start.sh"]\n', [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], {
      buildContext: memoryBuildContext({ 'start.sh': '#!/bin/sh\nexec gosu app server\n' }),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.refusals.map((r) => `${r.code}: ${r.reason}`)).toEqual(['manages-privileges: start.sh runs gosu, which starts as root and switches user itself']);
  });
});

describe('non-root-user: an EXPOSEd low port the program is told not to listen on', () => {
  const refusals = (dockerfile: string) => {
    const result = runPipeline(dockerfile, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { path: 'Dockerfile', buildContext: memoryBuildContext({}) });
    if (!result.ok) throw new Error(result.error.message);
    return result.refusals.map((r) => `${r.code}: ${r.reason}`);
  };

  it('says that ASP.NET Core listens on 8080 from .NET 8, so an EXPOSE 80 kept from an older image may be stale', () => {
    expect(refusals('FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nEXPOSE 80\nCOPY publish/ .\nENTRYPOINT ["dotnet", "Api.dll"]\n')).toEqual([
      'privileged-port: it exposes port 80: binding a port below 1024 needs root where the runtime does not lower net.ipv4.ip_unprivileged_port_start (Kubernetes does not); but ASP.NET Core listens on 8080 here (ASPNETCORE_HTTP_PORTS=8080, from mcr.microsoft.com/dotnet/aspnet:8.0): unless the app binds 80 itself, the EXPOSE is stale, and `EXPOSE 8080` says what it does',
    ]);
  });

  it('says nothing more where the stage tells it to listen on the low port', () => {
    expect(refusals('FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:80\nEXPOSE 80\nCOPY publish/ /app/\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n')).toEqual([
      'privileged-port: it exposes port 80: binding a port below 1024 needs root where the runtime does not lower net.ipv4.ip_unprivileged_port_start (Kubernetes does not)',
    ]);
  });
});

describe('non-root-user: a compose file that mounts the Docker socket', () => {
  const dockerfile = 'FROM alpine:3.20\nCOPY app /usr/local/bin/app\nCMD ["app"]\n';
  const run = (compose: string) => {
    const result = runPipeline(dockerfile, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], {
      path: 'Dockerfile',
      buildContext: memoryBuildContext({ 'docker-compose.yml': compose, app: '' }),
    });
    if (!result.ok) throw new Error(result.error.message);
    return { refusals: result.refusals.map((r) => `${r.code}: ${r.reason}`), changes: result.changes.length };
  };

  it('refuses the image its service builds, naming the file, the service and the socket', () => {
    expect(run('services:\n  updater:\n    build: .\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n').refusals).toEqual([
      "needs-root: docker-compose.yml runs the image built from this Dockerfile (service updater) with /run/docker.sock mounted: talking to the Docker daemon through its socket needs root (or the socket's group, which is the host's)",
    ]);
  });

  it('refuses the image a service runs as published, saying so', () => {
    const published = (compose: string, label = 'LABEL org.opencontainers.image.source=https://github.com/example/updater\n') => {
      const text = `${dockerfile}${label}`;
      const result = runPipeline(text, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], {
        path: 'Dockerfile',
        buildContext: memoryBuildContext({ 'docker-compose.yml': compose, app: '' }),
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.refusals.map((r) => `${r.code}: ${r.reason}`);
    };
    expect(published('services:\n  updater:\n    image: ghcr.io/example/updater:1\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n')).toEqual([
      "needs-root: docker-compose.yml runs the image this Dockerfile's source label names (service updater) with /var/run/docker.sock mounted: talking to the Docker daemon through its socket needs root (or the socket's group, which is the host's)",
    ]);
    // A tag given by a variable with a default: its `:` is not the tag's.
    expect(published('services:\n  updater:\n    image: ghcr.io/example/updater:${TAG:-latest}\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n')).toHaveLength(1);
    // The label's last value counts: this image is published as another repository's.
    const relabelled = 'LABEL org.opencontainers.image.source=https://github.com/example/updater\nLABEL org.opencontainers.image.source=https://github.com/example/other\n';
    expect(published('services:\n  updater:\n    image: ghcr.io/example/updater:1\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n', relabelled)).toEqual([]);
  });

  it('leaves alone a Dockerfile the compose file does not build', () => {
    expect(run('services:\n  agent:\n    build: { context: ., dockerfile: agent.Dockerfile }\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n')).toEqual({ refusals: [], changes: 1 });
  });
});

describe('non-root-user: a Docker engine plugin', () => {
  const dockerfile = 'FROM alpine:3.20\nCOPY docker-driver /bin/docker-driver\nWORKDIR /bin/\nENTRYPOINT ["/bin/docker-driver"]\n';
  const plugin = '{ "entrypoint": ["/bin/docker-driver"], "interface": { "types": ["docker.logdriver/1.0"], "socket": "loki.sock" } }';
  const run = (dockerfilePath: string, files: Record<string, string>) => {
    const result = runPipeline(dockerfile, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { path: dockerfilePath, buildContext: memoryBuildContext(files) });
    if (!result.ok) throw new Error(result.error.message);
    return { refusals: result.refusals.map((r) => `${r.code}: ${r.reason.split(':')[0]}`), changes: result.changes.length };
  };

  it('finds the config.json beside a Dockerfile built with the repository as its context', () => {
    const files = { 'clients/cmd/docker-driver/Dockerfile': dockerfile, 'clients/cmd/docker-driver/config.json': plugin };
    expect(run('clients/cmd/docker-driver/Dockerfile', files)).toEqual({
      refusals: ['needs-root: clients/cmd/docker-driver/config.json makes this image a Docker engine plugin (docker.logdriver/1.0)'],
      changes: 0,
    });
  });

  it('leaves alone a Dockerfile whose folder holds another plugin\'s Dockerfile, not this one', () => {
    const files = { 'plugins/other/Dockerfile': 'FROM alpine:3.20\nENTRYPOINT ["/bin/other"]\n', 'plugins/other/config.json': plugin, 'docker-driver': '' };
    expect(run('plugins/other/Dockerfile', files)).toEqual({ refusals: [], changes: 1 });
  });
});

describe('non-root-user: a compose file in a folder above the build context', () => {
  const dockerfile = 'FROM node:22-alpine\nWORKDIR /usr/src\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "worker.js"]\n';
  /** A repository whose docker/compose.yaml builds docker/worker/Dockerfile with the repository as context; the run reads docker/worker. */
  const run = (compose: string, worker = dockerfile) => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-enclosing-'));
    try {
      fs.mkdirSync(path.join(repo, '.git'));
      fs.mkdirSync(path.join(repo, 'docker', 'worker'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'docker', 'compose.yaml'), compose);
      fs.writeFileSync(path.join(repo, 'docker', 'worker', 'Dockerfile'), worker);
      fs.writeFileSync(path.join(repo, 'docker', 'worker', 'worker.js'), '');
      const result = runPipeline(dockerfile, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], {
        path: 'docker/worker/Dockerfile',
        buildContext: openBuildContext(path.join(repo, 'docker', 'worker'), path.join(repo, 'docker', 'worker', 'Dockerfile')),
      });
      if (!result.ok) throw new Error(result.error.message);
      return { refusals: result.refusals.map((r) => `${r.code}: ${r.reason.split(' for ')[0]}`), changes: result.changes.length };
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  };
  const service = (volume: string) => `services:\n  worker:\n    build:\n      context: ..\n      dockerfile: docker/worker/Dockerfile\n    volumes:\n      - ${volume}\n`;

  it('reads what it says of the service built from this Dockerfile', () => {
    expect(run(service('./data:/usr/src/data'))).toEqual({ refusals: ['volume: ../compose.yaml bind-mounts ./data at /usr/src/data'], changes: 0 });
    expect(run(service('flowise:/root/.flowise'))).toEqual({ refusals: ['root-home: ../compose.yaml mounts a volume at /root/.flowise'], changes: 0 });
  });

  it('leaves alone a service it says builds another Dockerfile', () => {
    expect(run(service('./data:/usr/src/data'), 'FROM node:22-alpine\nCMD ["node", "other.js"]\n')).toEqual({ refusals: [], changes: 1 });
  });
});

describe('non-root-user: a start script that creates files or folders', () => {
  const dockerfile = 'FROM python:3.12-slim\nWORKDIR /srv/app\nCOPY . .\nVOLUME /data\nCMD ["./start.sh"]\n';
  const start = (body: string) => run(dockerfile, { 'start.sh': `#!/bin/sh\n${body}\nexec python main.py\n`, 'main.py': '' });

  it('is refused when it makes one in a folder the build leaves to root', () => {
    expect(start('mkdir -p /srv/app/logs').refusals).toEqual([
      'writes-app-folder: start.sh creates /srv/app/logs (`mkdir -p /srv/app/logs`) when the container starts, where the build leaves /srv/app to root: another user cannot create files or folders there (make them under /tmp or a VOLUME, or give the folder to the user in the Dockerfile with `chown`)',
    ]);
    expect(start('cp /srv/app/settings.default.json settings.json').refusals[0]).toContain('copies files to /srv/app/settings.json (`cp /srv/app/settings.default.json settings.json`)');
    expect(start('ln -s /data/settings.json /etc/app.json').refusals[0]).toContain('makes a link at /etc/app.json');
    expect(start('cp -t /opt/app /srv/app/main.py').refusals[0]).toContain('copies files to /opt/app (`cp -t /opt/app /srv/app/main.py`) when the container starts, where the build leaves /opt to root');
    expect(start('touch /srv/app/.ready').refusals[0]).toContain('creates /srv/app/.ready');
  });

  it('is left alone in a VOLUME, /tmp, a folder the image has, or a path only known when it runs', () => {
    for (const body of ['mkdir -p /srv/app', 'mkdir -p /data/cache', 'cp /srv/app/main.py /data/', 'ln -sf /data/a /tmp/a', 'touch -c /srv/app/main.py', 'mkdir "$HOME/.cache"', 'cp -r /srv/app "$TARGET"']) {
      expect(start(body).refusals, body).toEqual([]);
    }
  });
});

describe('non-root-user: a final USER root', () => {
  it('switches back to root only after a USER that set another', () => {
    expect(run('FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER root\nCMD ["node", "server.js"]\n', {}).refusals).toEqual([
      'explicit-root: line 4 sets USER root with no step after it that needs root: the stage runs as root on purpose',
    ]);
    expect(run('FROM node:20-alpine\nUSER node\nWORKDIR /app\nCOPY . .\nUSER root\nCMD ["node", "server.js"]\n', {}).refusals).toEqual([
      'explicit-root: line 5 switches back to root (USER root) with no step after it that needs root: the stage runs as root on purpose',
    ]);
  });

  it('switches back to root from the user the base image runs as', () => {
    expect(run('FROM nginxinc/nginx-unprivileged:stable-alpine\nCOPY dist/ /usr/share/nginx/html/\nUSER root\n', {}).refusals).toEqual([
      'explicit-root: line 3 switches back to root (USER root) with no step after it that needs root: the stage runs as root on purpose',
    ]);
  });
});

describe('non-root-user: a Go client of the Docker Engine API', () => {
  const dockerfile = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/scan ./cmd/scan\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/scan /scan\nENTRYPOINT ["/scan"]\n';
  const gomod = 'module example.com/scan\n\ngo 1.22\n\nrequire github.com/docker/docker v26.1.4+incompatible\n';
  const importer = (pkg: string) => `package ${pkg}\n\nimport "github.com/docker/docker/client"\n\nvar _ = client.FromEnv\n`;

  it('is named by the program file that imports it, not by a test helper that does too', () => {
    const files = { 'go.mod': gomod, 'internal/testutil/docker.go': importer('testutil'), 'pkg/image/daemon.go': importer('image') };
    expect(run(dockerfile, files).refusals).toEqual([
      "needs-root: the app uses github.com/docker/docker/client (pkg/image/daemon.go imports it), a client of the Docker Engine API: it talks to the Docker daemon through /var/run/docker.sock, which only root and the host's docker group may use",
    ]);
  });
});

describe('non-root-user: a build tool run on a project the stage does not copy', () => {
  it('says the project is mounted, not copied as root\'s', () => {
    const text = 'FROM eclipse-temurin:21-jdk\nRUN curl -fsSL https://github.com/sbt/sbt/releases/download/v1.10.7/sbt-1.10.7.tgz | tar -xz -C /usr/local\nENV PATH=/usr/local/sbt/bin:$PATH\nCMD ["sbt"]\n';
    expect(refusals(text)).toEqual([
      "writes-app-folder: `sbt` compiles into target/ and project/target/ in the project's folder, and keeps its server's socket and lock files there (project/target/active.json); the stage copies nothing in, so it works on a project mounted when the container runs, whose files keep their owner from the host: the user that may write there is the one `docker run --user` picks, not one the image sets",
    ]);
  });
});

describe('non-root-user: the official nginx image prepared for its user', () => {
  /** Refusals over a build context of `files`. */
  const refused = (text: string, files: Record<string, string>) => {
    const result = runPipeline(text, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { buildContext: memoryBuildContext(files) });
    if (!result.ok) throw new Error(result.error.message);
    return result.refusals.map((r) => `${r.code}: ${r.reason}`);
  };
  const site = { 'default.conf': 'server {\n    listen 8080;\n    root /usr/share/nginx/html;\n}\n' };
  const prepared = 'RUN chown -R nginx:nginx /var/cache/nginx \\\n    && touch /var/run/nginx.pid && chown nginx:nginx /var/run/nginx.pid\n';

  it('names the image\'s own site when nothing replaces it', () => {
    expect(refused(`FROM nginx:1.27-alpine\n${prepared}EXPOSE 8080\n`, {})).toEqual([
      "needs-root: nginx:1.27-alpine must start as root: the image's own site, /etc/nginx/conf.d/default.conf, listens on port 80, and nothing replaces or removes it",
    ]);
  });

  it('names the pid file when its folder is root\'s', () => {
    expect(refused('FROM nginx:1.27-alpine\nCOPY default.conf /etc/nginx/conf.d/default.conf\nRUN chown -R nginx:nginx /var/cache/nginx\n', site)).toEqual([
      "needs-root: nginx:1.27-alpine must start as root: the pid file /run/nginx.pid, which the image's nginx.conf names, is in a folder only root can write (create it and give it to nginx, or name one in /tmp with `pid`)",
    ]);
  });

  it('names the temp folder when it is root\'s', () => {
    expect(refused('FROM nginx:1.27-alpine\nCOPY default.conf /etc/nginx/conf.d/default.conf\nRUN touch /run/nginx.pid && chown nginx /run/nginx.pid\n', site)).toEqual([
      "needs-root: nginx:1.27-alpine must start as root: /var/cache/nginx, where nginx makes its temp folders when it starts, is root's (give it to nginx with `chown`, or move every *_temp_path to /tmp)",
    ]);
  });

  it('says when the pid file is given to another account than nginx', () => {
    const text = 'FROM nginx:1.27-alpine\nCOPY default.conf /etc/nginx/conf.d/default.conf\nRUN adduser -u 1001 -S appuser \\\n    && chown -R appuser /var/cache/nginx \\\n    && touch /var/run/nginx.pid && chown appuser /var/run/nginx.pid\n';
    expect(refused(text, site)).toEqual([
      "needs-root: nginx:1.27-alpine must start as root: the pid file /run/nginx.pid, which the image's nginx.conf names, is in a folder only root can write (create it and give it to nginx, or name one in /tmp with `pid`); line 3 gives it to appuser, not to nginx, the user the image's nginx runs as",
    ]);
  });

  it('refuses a TLS key the stage does not give to nginx, and accepts one in a folder given to it', () => {
    const conf = { 'default.conf': 'server {\n    listen 8443 ssl;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' };
    const keys = 'RUN mkdir -p /etc/nginx/certs && openssl req -x509 -nodes -newkey rsa:2048 -keyout /etc/nginx/certs/key.pem -out /etc/nginx/certs/cert.pem -subj /CN=localhost\n';
    const text = `FROM nginx:1.27-alpine\n${keys}COPY default.conf /etc/nginx/conf.d/default.conf\n${prepared}`;
    expect(refused(text, conf)).toEqual([
      "needs-root: nginx:1.27-alpine must start as root: line 3 of default.conf (the COPY on line 3 puts it at /etc/nginx/conf.d/default.conf): the TLS key `/etc/nginx/certs/key.pem` is read by nginx's master, which reads it as root, and the stage does not give it to nginx (keys are often made readable by root only)",
    ]);
    expect(refused(`${text}RUN chown -R nginx /etc/nginx/certs\n`, conf)).toEqual([]);
  });

  it('runs nginx in root\'s group when the stage opens its pid and temp folders to that group only', () => {
    const text = 'FROM nginx:alpine\nRUN chmod -R g+rwx /var/cache/nginx /var/run && chgrp -R 0 /var/cache/nginx /var/run\nCOPY default.conf /etc/nginx/conf.d/default.conf\n';
    expect(refused(text, site)).toEqual([]);
  });

  it('says what stays root\'s when the stage opens only the temp folder to root\'s group', () => {
    const text = 'FROM nginx:alpine\nRUN chgrp -R 0 /var/cache/nginx && chmod -R g=u /var/cache/nginx\nCOPY default.conf /etc/nginx/conf.d/default.conf\n';
    expect(refused(text, site)).toEqual([
      "needs-root: nginx:alpine must start as root: the pid file /run/nginx.pid, which the image's nginx.conf names, is in a folder only root can write (create it and give it to nginx, open its folder to root's group as line 2 opens /var/cache/nginx, or name one in /tmp with `pid`)",
    ]);
  });

  it('refuses templates nginx\'s user could not render, stream templates, and templates moved by ENV', () => {
    const files = { 'app.conf.template': 'server {\n    listen 8080;\n}\n', 'dns.stream-template': 'server {\n    listen 5353 udp;\n}\n' };
    const pid = 'RUN chown -R nginx /var/cache/nginx && touch /run/nginx.pid && chown nginx /run/nginx.pid\nRUN rm /etc/nginx/conf.d/default.conf\n';
    expect(refused(`FROM nginx:1.27\nCOPY app.conf.template /etc/nginx/templates/\n${pid}`, files)).toEqual([
      'needs-root: nginx:1.27 must start as root: the entrypoint renders app.conf.template (the COPY on line 2 puts it at /etc/nginx/templates/app.conf.template) into /etc/nginx/conf.d when the container starts, and only root may write there (give the folder to nginx)',
    ]);
    expect(refused(`FROM nginx:1.27\nCOPY dns.stream-template /etc/nginx/templates/\n${pid}`, files)).toEqual([
      'needs-root: nginx:1.27 must start as root: dns.stream-template (the COPY on line 2 puts it at /etc/nginx/templates/dns.stream-template) is a stream template, which the entrypoint renders into a stream block it appends to /etc/nginx/nginx.conf: not followed here',
    ]);
    expect(refused(`FROM nginx:1.27\nENV NGINX_ENVSUBST_TEMPLATE_DIR=/templates\n${pid}`, files)).toEqual([
      'needs-root: nginx:1.27 must start as root: line 2 sets where the entrypoint reads or renders its templates (NGINX_ENVSUBST_…), which is not followed here',
    ]);
  });

  it('accepts the image\'s site removed and another on a high port', () => {
    const text = `FROM nginx:1.27-alpine\nRUN rm /etc/nginx/conf.d/default.conf\nCOPY app.conf /etc/nginx/conf.d/\n${prepared}`;
    expect(refused(text, { 'app.conf': 'server {\n    listen 127.0.0.1:8081;\n    listen unix:/tmp/app.sock;\n}\n' })).toEqual([]);
  });

  it('refuses a site that logs to a folder only root may write', () => {
    const text = `FROM nginx:1.27-alpine\nCOPY default.conf /etc/nginx/conf.d/default.conf\n${prepared}`;
    expect(refused(text, { 'default.conf': 'server {\n    listen 8080;\n    access_log /var/log/nginx/app.log;\n}\n' })).toEqual([
      'needs-root: nginx:1.27-alpine must start as root: line 3 of default.conf (the COPY on line 2 puts it at /etc/nginx/conf.d/default.conf): `access_log /var/log/nginx/app.log` writes a log in a folder only root can write',
    ]);
  });
});
