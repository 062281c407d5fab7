#!/usr/bin/env bash
cd "$(dirname "$0")" || exit
PORT="${PORT:-8080}"
exec uvicorn app.main:app --host 0.0.0.0 --port "$PORT"
