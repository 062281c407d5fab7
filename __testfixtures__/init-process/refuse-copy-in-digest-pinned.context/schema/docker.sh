#!/bin/sh
set -e
until cqlsh -e "describe keyspaces"; do sleep 2; done
cqlsh -f /cassandra-schema/schema.cql
