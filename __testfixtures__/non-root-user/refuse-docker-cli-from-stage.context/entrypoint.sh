#!/bin/sh
exec release "$@"
