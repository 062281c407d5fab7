#!/bin/sh
set -e
apk add postgresql-client
