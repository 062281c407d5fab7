#!/bin/sh
set -eu
exec ffmpeg -hwaccel vaapi -hwaccel_device /dev/dri/renderD128 -i "$1" -c:v h264_vaapi "$2"
