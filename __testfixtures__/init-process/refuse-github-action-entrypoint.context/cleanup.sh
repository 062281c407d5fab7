#!/bin/bash
rm -rf "$RUNNER_TEMP/action-cache"
