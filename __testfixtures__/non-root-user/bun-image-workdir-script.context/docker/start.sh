#!/bin/sh
set -e
bun run migrate.ts
exec bun run server.ts
