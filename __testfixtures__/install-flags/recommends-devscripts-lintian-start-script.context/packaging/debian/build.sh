#!/bin/sh

PKG_ARCH=$(dpkg --print-architecture)
PKG_VERSION=$(cd /src && git describe --tags --abbrev=0 | sed 's/^v//')

cd /src
CGO_ENABLED=0 make miniflux

mkdir -p /build/debian && \
cd /build && \
cp /src/miniflux /build/ && \
sed "s/__PKG_ARCH__/${PKG_ARCH}/g" /src/packaging/debian/control > /build/debian/control && \
dpkg-buildpackage -us -uc -b && \
lintian --check --color always ../*.deb && \
cp ../*.deb /pkg/
