#!/bin/sh
set -eu
update-ca-certificates
