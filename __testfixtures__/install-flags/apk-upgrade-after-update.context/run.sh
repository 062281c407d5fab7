#!/bin/sh
exec curl -fsS "$URL"
