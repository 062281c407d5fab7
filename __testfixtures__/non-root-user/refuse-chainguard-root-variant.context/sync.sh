#!/bin/sh
set -e
git -C /repo pull --ff-only
