#!/bin/sh
node server.js
node cleanup.js
