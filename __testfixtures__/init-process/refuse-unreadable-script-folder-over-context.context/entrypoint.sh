#!/bin/sh
node dist/migrate.js
node dist/main.js
