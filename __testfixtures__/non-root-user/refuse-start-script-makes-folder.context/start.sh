#!/bin/sh
export TEST_OUTPUT=/data/output
mkdir ${TEST_OUTPUT}
# the build works on a copy beside the volumes, in /data itself
mkdir /data/temp
cp -rf /data/build/debian /data/temp
cd /data/temp
exec sh debian.sh
