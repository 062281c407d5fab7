#!/bin/sh
curl -fsS "$URL"
