#!/bin/sh
exec ./server "$@"
