#!/bin/sh
set -e

echo "waiting for the database..."
until nc -z postgres 5432; do
  sleep 2
done
pg_isready -h postgres -p 5432 -t 30

npx prisma migrate deploy
exec node dist/main
