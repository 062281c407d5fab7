#!/bin/bash
set -e
DOCKER_TAG="example/serve:latest-cpu"
BUILD_TYPE="production"
MULTI=false
while [ "$#" -gt 0 ]; do
  case $1 in
    -t) DOCKER_TAG="$2"; shift 2 ;;
    -bt) BUILD_TYPE="$2"; shift 2 ;;
    -m) MULTI=true; shift ;;
    *) shift ;;
  esac
done

if [ "${BUILD_TYPE}" == "production" ]; then
  if [ "${MULTI}" == "true" ]; then
    docker buildx build --file ../stage-built-by-a-release-script.Dockerfile -t "${DOCKER_TAG}" \
      --platform linux/amd64,linux/arm64 --target production-image ../ --push
  else
    docker buildx build --file ../stage-built-by-a-release-script.Dockerfile -t "${DOCKER_TAG}" --target production-image ../ --load
  fi
else
  docker build --file ../stage-built-by-a-release-script.Dockerfile -t "${DOCKER_TAG}" --target dev-image ../
fi
