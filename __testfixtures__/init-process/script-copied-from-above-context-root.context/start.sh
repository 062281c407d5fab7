#!/bin/sh
node migrate.js
node server.js
