/**
 * What a base image's ENTRYPOINT does with the command it is given. A CMD in shell form
 * reaches it as `/bin/sh -c "…"`, in exec form as the program and its arguments: where the
 * entrypoint looks at its first argument, the two start the container differently.
 */
import type { ImageRef } from '../dockerfile/imageRef.js';
import { dockerHubPath, identifyImage } from './identify.js';

/**
 * Official images not otherwise in the knowledge base whose docker-entrypoint.sh acts on the
 * command's first word: it initialises data, runs set-up scripts or drops to the service's
 * user only when that word is the server (`redis-server`, `postgres`, `mysqld`, `mongod`…).
 * From the docker-library repositories of each image (docker-entrypoint.sh).
 */
const ACTS_ON_COMMAND = new Set([
  'redis', 'postgres', 'mysql', 'mariadb', 'percona', 'mongo', 'rabbitmq', 'memcached', 'cassandra', 'couchdb',
  'elasticsearch', 'influxdb', 'neo4j', 'solr', 'zookeeper', 'wordpress', 'nextcloud', 'ghost', 'odoo', 'haproxy',
  'traefik', 'consul', 'vault', 'registry', 'sonarqube', 'jenkins/jenkins', 'postgis/postgis', 'bitnami/postgresql',
]);

/**
 * The base image's ENTRYPOINT when it acts on its first argument, as text for a message
 * (`/docker-entrypoint.sh`); null when the image has none, or one that runs any command as given.
 */
export function entrypointActingOnCommand(ref: ImageRef): string | null {
  const image = identifyImage(ref);
  if (image !== null) return image.facts.entrypoint !== null && !image.facts.entrypointRunsCommand ? image.facts.entrypoint.join(' ') : null;
  const path = dockerHubPath(ref);
  const name = path?.replace(/^library\//, '');
  return name !== undefined && ACTS_ON_COMMAND.has(name) ? `${name}'s docker-entrypoint.sh` : null;
}
