#!/bin/sh
set -e
go build -o /${SERVICE_NAME} .
exec /${SERVICE_NAME} "$@"
