/**
 * What a base image's ENTRYPOINT does with the command it is given. A CMD in shell form
 * reaches it as `/bin/sh -c "…"`, in exec form as the program and its arguments: where the
 * entrypoint looks at its first argument, the two start the container differently.
 */
import type { ImageRef } from '../dockerfile/imageRef.js';
import { own } from '../own.js';
import { ARCH_NAMESPACES } from './architectures.js';
import { dockerHubPath, findRepository, identifyImage } from './identify.js';
import { runsArgumentsAsChild } from './init.js';
import type { ImageFacts } from './types.js';

/** Whether the image's ENTRYPOINT ends by running the command it is given as PID 1 (\`exec "$@"\`), whatever its set-up. */
export function entrypointExecsItsCommand(facts: ImageFacts): boolean {
  return facts.entrypointRunsCommand || facts.entrypointExecsCommand;
}

/**
 * Official images not otherwise in the knowledge base whose entrypoint script acts on the
 * command's first word: it initialises data, runs set-up scripts or drops to the service's
 * user only when that word is the server (`redis-server`, `postgres`, `mysqld`, `mongod`…).
 * From the repositories of each image (docker-entrypoint.sh, entrypoint.sh).
 */
const ACTS_ON_COMMAND = new Set([
  'redis', 'postgres', 'mysql', 'mariadb', 'percona', 'mongo', 'rabbitmq', 'memcached', 'cassandra', 'couchdb',
  'elasticsearch', 'influxdb', 'neo4j', 'solr', 'zookeeper', 'wordpress', 'nextcloud', 'ghost', 'odoo', 'haproxy',
  'traefik', 'consul', 'vault', 'registry', 'sonarqube', 'jenkins/jenkins', 'postgis/postgis', 'bitnami/postgresql',
  'hashicorp/consul', 'hashicorp/vault', 'envoyproxy/envoy',
]);

/**
 * Tags of those repositories that carry the entrypoint described here; others are images built another way: envoy's
 * distroless- tags (\`ENTRYPOINT ["/usr/local/bin/envoy"]\` on distroless's nonroot) and google-vrp- tags (supervisord),
 * from the stages of envoy's distribution/docker/Dockerfile-envoy (SOURCES.envoyDockerfile).
 */
const ENTRYPOINT_TAGS: Readonly<Record<string, RegExp>> = {
  'envoyproxy/envoy': /^(?:(?:contrib|tools|debug|contrib-debug)-)?(?:v\d+\.\d+(?:\.\d+|-latest)|dev(?:-[0-9a-f]{7,40})?)$/,
};

/**
 * Those of them whose docker-entrypoint.sh, started as root with the server as its command, sets up the data folder
 * and then runs itself (or the server) again as the server's account (\`exec gosu postgres "$BASH_SOURCE" "$@"\`): the
 * image's own way to run the server as non-root. From each repository's docker-entrypoint.sh (docker-library/postgres
 * 6edb0a8c, docker-library/mysql 7f30fdb0, docker-library/mongo 2c69a57b, docker-library/redis e9204996,
 * MariaDB/mariadb-docker 1b6429ba: mariadb's runs the server as mysql; docker-library/rabbitmq 9193c1de: any
 * \`rabbitmq*\` command, with su-exec on the Alpine tags; docker-library/cassandra 7b9da8f4; apache/couchdb-docker
 * 4c82ee09: setpriv from 3.2, gosu before; 31z4/zookeeper-docker 52a83649; hashicorp/docker-consul aedd0844, hashicorp/consul
 * 9bce8613 and hashicorp/vault 1d04c5e2 (.release/docker): su-exec for the program and its subcommands, the image's CMD among them;
 * envoyproxy/envoy 3313680e (ci/docker-entrypoint.sh, SOURCES.envoyEntrypoint): su-exec for any command unless ENVOY_UID is 0,
 * after setting the envoy account's uid and gid and giving it the container's stdout and stderr).
 */
const SWITCHES_USER: Readonly<Record<string, ServerSwitch>> = {
  postgres: { program: 'gosu', user: 'postgres', servers: ['postgres'], options: true },
  mysql: { program: 'gosu', user: 'mysql', servers: ['mysqld'], options: true },
  mariadb: { program: 'gosu', user: 'mysql', servers: ['mariadbd', 'mysqld'], options: true },
  mongo: { program: 'gosu', user: 'mongodb', servers: ['mongod', 'mongos'], options: true },
  redis: { program: 'gosu', user: 'redis', servers: ['redis-server'], options: true },
  // Its entrypoint matches \`rabbitmq*\`: the server and the tools that run beside it as its user. No options alone.
  rabbitmq: {
    program: 'gosu (su-exec on the Alpine tags)',
    user: 'rabbitmq',
    servers: ['rabbitmq-server', 'rabbitmqctl', 'rabbitmq-plugins', 'rabbitmq-diagnostics', 'rabbitmq-queues', 'rabbitmq-streams', 'rabbitmq-upgrade'],
    options: false,
  },
  cassandra: { program: 'gosu', user: 'cassandra', servers: ['cassandra'], options: true },
  couchdb: { program: 'setpriv (gosu before 3.2)', user: 'couchdb', servers: ['/opt/couchdb/bin/couchdb', 'couchdb'], options: true },
  zookeeper: { program: 'gosu', user: 'zookeeper', servers: ['zkServer.sh'], options: false },
  consul: { program: 'su-exec', user: 'consul', servers: ['consul', 'agent', 'version'], options: true },
  'hashicorp/consul': { program: 'su-exec', user: 'consul', servers: ['consul', 'agent', 'version'], options: true },
  vault: { program: 'su-exec', user: 'vault', servers: ['vault', 'server', 'version'], options: true },
  'hashicorp/vault': { program: 'su-exec', user: 'vault', servers: ['vault', 'server', 'version'], options: true },
  'envoyproxy/envoy': {
    program: 'su-exec',
    user: 'envoy',
    servers: ['envoy', '/usr/local/bin/envoy'],
    options: true,
    anyCommand: true,
    unless: { variable: 'ENVOY_UID', value: '0' },
    setsUp: "the envoy account (its uid and gid from ENVOY_UID and ENVOY_GID, and the container's stdout and stderr)",
  },
};

/** The name of those images' entrypoint script, as read in each repository (above). */
const SWITCHING_SCRIPT = 'docker-entrypoint.sh';

/**
 * How such an entrypoint switches: the program, the account, and the commands it does it for (its first argument; one
 * that starts with \`-\` is taken as the server's options where \`options\` says so, and redis's takes a \`.conf\` file so too).
 */
export interface ServerSwitch {
  readonly program: string;
  readonly user: string;
  readonly servers: readonly string[];
  /** The entrypoint puts the server before a first argument that starts with \`-\` (\`set -- postgres "$@"\`). */
  readonly options: boolean;
  /** It switches whatever the command (envoy's, for any command unless ENVOY_UID is 0), not only for \`servers\`. */
  readonly anyCommand?: boolean;
  /** A variable that, set to that value, keeps it from switching (envoy's ENVOY_UID=0: it runs the command as root). */
  readonly unless?: { readonly variable: string; readonly value: string };
  /** What it sets up as root before it switches, for a message; the data folder when not given. */
  readonly setsUp?: string;
}

/** Whether the entrypoint, given \`argv\` as the command (a CMD's words, or none), runs its server, and so switches users. */
export function switchesFor(switches: ServerSwitch, argv: readonly string[] | null): boolean {
  const first = argv?.[0];
  if (first === undefined || switches.anyCommand === true) return true;
  return switches.servers.includes(first) || (switches.options && first.startsWith('-')) || (switches.servers.includes('redis-server') && first.endsWith('.conf'));
}

/**
 * What a base image's ENTRYPOINT does with the command: `none` when it has none or runs any
 * command as given, `acts` with the entrypoint as text for a message (`/docker-entrypoint.sh`)
 * when it looks at its first argument, `unknown` for an image dockshift does not know (a
 * private base, a vendor's image): it may have either.
 */
export type BaseEntrypoint =
  | { readonly kind: 'none' }
  /**
   * \`switches\`: the program and account it switches to when started as root with its server (SWITCHES_USER);
   * \`script\`: the name of the script it is, where that was read (\`docker-entrypoint.sh\`).
   */
  | { readonly kind: 'acts'; readonly entrypoint: string; readonly script?: string; readonly switches?: ServerSwitch }
  | { readonly kind: 'unknown' };

const NONE: BaseEntrypoint = { kind: 'none' };
const UNKNOWN: BaseEntrypoint = { kind: 'unknown' };

/** Docker Hub namespaces that hold the official images built for one architecture (`arm32v7/node` is `node`). */
const ARCH_NAMESPACE = new RegExp(`^(?:${Object.keys(ARCH_NAMESPACES).join('|')})/`);

/**
 * Images outside the official ones that have no ENTRYPOINT, or one that runs any command as
 * given (nvidia's entrypoint script and tini end in `exec "$@"`), by repository: a registry's
 * host and path, or a Docker Hub path. From each image's published Dockerfile.
 */
const PASSES_COMMAND = new Set([
  'bitnami/minideb', 'tensorflow/tensorflow', 'pytorch/pytorch', 'nvidia/cuda', 'nvcr.io/nvidia/cuda', 'continuumio/miniconda3',
  'continuumio/anaconda3', 'condaforge/miniforge3', 'mambaorg/micromamba', 'registry.fedoraproject.org/fedora',
  'registry.fedoraproject.org/fedora-minimal', 'quay.io/fedora/fedora', 'quay.io/centos/centos', 'registry.access.redhat.com/ubi7',
  'registry.access.redhat.com/ubi8', 'registry.access.redhat.com/ubi9', 'registry.access.redhat.com/ubi8/ubi',
  'registry.access.redhat.com/ubi9/ubi', 'registry.access.redhat.com/ubi8/ubi-minimal', 'registry.access.redhat.com/ubi9/ubi-minimal',
  'registry.redhat.io/ubi8/ubi', 'registry.redhat.io/ubi9/ubi', 'registry.redhat.io/ubi8/ubi-minimal', 'registry.redhat.io/ubi9/ubi-minimal',
  'public.ecr.aws/amazonlinux/amazonlinux', 'container-registry.oracle.com/os/oraclelinux',
]);

/**
 * Every name Docker Hub has given an official image (`library/<name>`), those since deprecated
 * too: the files of docker-library/official-images' library/ folder at the commit the knowledge
 * base cites, with those removed from it before. Another one-word name (`FROM base`, `FROM myapp`)
 * is an image built elsewhere, or a named build context, whose ENTRYPOINT is not known.
 */
const OFFICIAL_NAMES = new Set([
  'adminer', 'adoptopenjdk', 'aerospike', 'almalinux', 'alpine', 'alt', 'amazoncorretto', 'amazonlinux',
  'api-firewall', 'arangodb', 'archlinux', 'azul-zulu', 'backdrop', 'bash', 'bonita', 'buildpack-deps', 'busybox',
  'caddy', 'cassandra', 'celery', 'centos', 'chronograf', 'cirros', 'clearlinux', 'clefos', 'clickhouse', 'clojure',
  'composer', 'consul', 'convertigo', 'couchbase', 'couchdb', 'couchdb-nouveau', 'crate', 'crux', 'dart', 'debian',
  'django', 'docker', 'docker-dev', 'drupal', 'eclipse-mosquitto', 'eclipse-temurin', 'eggdrop', 'elasticsearch',
  'elixir', 'emqx', 'erlang', 'espocrm', 'euleros', 'express-gateway', 'fedora', 'flink', 'fluentd', 'friendica',
  'fsharp', 'gazebo', 'gcc', 'geonetwork', 'ghost', 'glassfish', 'golang', 'gradle', 'groovy', 'haproxy', 'haskell',
  'haxe', 'hello-seattle', 'hello-world', 'hipache', 'hitch', 'hola-mundo', 'httpd', 'hylang', 'ibm-semeru-runtimes',
  'ibmjava', 'influxdb', 'iojs', 'irssi', 'java', 'jenkins', 'jetty', 'jobber', 'joomla', 'jruby', 'julia',
  'kaazing-gateway', 'kapacitor', 'kibana', 'known', 'kong', 'krakend', 'lightstreamer', 'lightstreamer-server',
  'liquibase', 'logstash', 'mageia', 'mariadb', 'matomo', 'maven', 'mediawiki', 'memcached', 'mongo', 'mongo-express',
  'monica', 'mono', 'mosquitto', 'mysql', 'nats', 'nats-streaming', 'neo4j', 'neurodebian', 'nextcloud', 'nginx',
  'nim', 'node', 'notary', 'notary-server', 'notary-signer', 'nuxeo', 'odoo', 'open-liberty', 'openjdk', 'opensuse',
  'oraclelinux', 'orientdb', 'owncloud', 'percona', 'perl', 'photon', 'php', 'php-zendserver', 'phpmyadmin', 'piwik',
  'plone', 'postfixadmin', 'postgres', 'pypy', 'python', 'r-base', 'rabbitmq', 'rails', 'rakudo-star', 'rapidoid',
  'redis', 'redmine', 'registry', 'rethinkdb', 'rocket.chat', 'rockylinux', 'ros', 'ruby', 'rust', 'sapmachine',
  'satosa', 'sentry', 'silverpeas', 'sl', 'solr', 'sonarqube', 'sourcemage', 'spark', 'spiped', 'storm', 'swarm',
  'swift', 'swipl', 'teamspeak', 'telegraf', 'thrift', 'tomcat', 'tomee', 'traefik', 'ubuntu', 'ubuntu-debootstrap',
  'ubuntu-upstart', 'unit', 'varnish', 'vault', 'websphere-liberty', 'wordpress', 'xwiki', 'yourls', 'zend-php', 'znc',
  'zookeeper',
]);

/** Registries that mirror Docker Hub under a path prefix: `public.ecr.aws/docker/library/node` is `library/node`. */
const HUB_MIRRORS: Readonly<Record<string, string>> = { 'public.ecr.aws': 'docker/', 'mirror.gcr.io': '' };

function mirroredHubPath(ref: ImageRef): string | null {
  const prefix = ref.registry === null ? undefined : HUB_MIRRORS[ref.registry.toLowerCase()];
  if (prefix === undefined || !ref.name.startsWith(prefix) || !ref.name.slice(prefix.length).includes('/')) return null;
  return ref.name.slice(prefix.length);
}

export function baseEntrypoint(ref: ImageRef): BaseEntrypoint {
  // `FROM $BASE`: the build argument names the image, any image, whatever its default.
  if (/\$/.test(`${ref.registry ?? ''}/${ref.name}`)) return UNKNOWN;
  const image = identifyImage(ref);
  if (image !== null) {
    const entrypoint = image.facts.entrypoint;
    return entrypoint !== null && !image.facts.entrypointRunsCommand && !runsArgumentsAsChild(entrypoint[0] ?? '') ? { kind: 'acts', entrypoint: entrypoint.join(' ') } : NONE;
  }
  const path = (dockerHubPath(ref) ?? mirroredHubPath(ref))?.replace(ARCH_NAMESPACE, 'library/') ?? null;
  const name = path?.replace(/^library\//, '');
  if (name !== undefined && ACTS_ON_COMMAND.has(name) && (own(ENTRYPOINT_TAGS, name)?.test(ref.tag ?? 'latest') ?? true)) {
    const switches = own(SWITCHES_USER, name);
    // Named as read where it was read (the images that switch users); the others' scripts go by other names too
    // (traefik's and registry's /entrypoint.sh, jenkins.sh).
    return switches === undefined ? { kind: 'acts', entrypoint: `${name}'s entrypoint script` } : { kind: 'acts', entrypoint: `${name}'s ${SWITCHING_SCRIPT}`, script: SWITCHING_SCRIPT, switches };
  }
  // The other official images either have no ENTRYPOINT or one that runs any other command as
  // given (docker-library's convention: `exec "$@"`).
  if (name !== undefined && path?.startsWith('library/') === true && OFFICIAL_NAMES.has(name)) return NONE;
  const repository = path ?? `${(ref.registry ?? '').toLowerCase()}/${ref.name}`;
  return PASSES_COMMAND.has(repository) ? NONE : UNKNOWN;
}

/**
 * What an image starts when a stage names no command, for a refusal to say: a shell or a language's prompt (what an
 * image others build on starts), a program that prints and exits, or a service.
 */
export interface BaseCommand {
  /** The command, as a message quotes it (\`/hello\`, \`/bin/sh -l\`). */
  readonly command: string;
  readonly kind: 'prompt' | 'program' | 'service';
  /** What it is, in the words of a refusal. */
  readonly what: string;
}

/**
 * Official images the knowledge base does not otherwise know whose command is known: java (openjdk's name until 2017,
 * library/java removed in docker-library/official-images 14c56439), whose images set no CMD or ENTRYPOINT of their own
 * (docker-library/openjdk e6e9cf8b 8-jdk, FROM buildpack-deps:jessie-scm, whose debian starts bash; 9a082267
 * 8-jdk/alpine, FROM alpine, /bin/sh), and hello-world (docker-library/hello-world: FROM scratch, its /hello and
 * \`CMD ["/hello"]\`).
 */
const OFFICIAL_COMMANDS: Readonly<Record<string, BaseCommand>> = {
  java: { command: 'bash', kind: 'prompt', what: "a shell (bash; /bin/sh on the Alpine tags), as the images under openjdk's old name set no command of their own" },
  'hello-world': { command: '/hello', kind: 'program', what: "the image's one file, which prints a greeting and exits" },
};

/**
 * What an image the knowledge base does not identify starts when a stage names no command, where that is known
 * anyway: an official image of OFFICIAL_COMMANDS, or a tag it does not know of an official distribution's image
 * (\`centos:6\`, \`debian:6\`), which, as every tag of its repository, starts a shell. Null otherwise.
 */
export function baseCommand(ref: ImageRef): BaseCommand | null {
  if (/\$/.test(`${ref.registry ?? ''}/${ref.name}`)) return null;
  const path = (dockerHubPath(ref) ?? mirroredHubPath(ref))?.replace(ARCH_NAMESPACE, 'library/') ?? null;
  if (path === null || !path.startsWith('library/')) return null;
  const known = own(OFFICIAL_COMMANDS, path.slice('library/'.length));
  if (known !== undefined) return known;
  const repository = findRepository(ref);
  return repository?.kind === 'os' && repository.path === path ? { command: 'a shell', kind: 'prompt', what: `a shell, as every ${repository.name} image does` } : null;
}
