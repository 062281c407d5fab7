import type { Source } from './types.js';

/**
 * Every source the knowledge base cites, pinned to the commit that was read.
 * To update a fact: read the newer file, change the data, move the commit and the date here.
 */
const CHECKED = '2026-12-02';

const OFFICIAL_IMAGES = 'https://github.com/docker-library/official-images/blob/37079fb336f572a88700cf32e5e1f6be54a04e8f';

/** docker-library's tag list of an official repository (`library/<name>`): which tags exist and what they alias. */
export const officialLibrary = (name: string): Source => ({
  url: `${OFFICIAL_IMAGES}/library/${name}`,
  checked: CHECKED,
  note: 'tag list of the official images, commit of 2026-08-21',
});

/** A commit of that tag list's history: the one that first lists a version on a release. */
export const officialCommit = (commit: string, date: string): Source => ({
  url: `https://github.com/docker-library/official-images/commit/${commit}`,
  checked: CHECKED,
  note: `tag list commit of ${date}`,
});

const at = (url: string, note?: string): Source => (note === undefined ? { url, checked: CHECKED } : { url, checked: CHECKED, note });

export const SOURCES = {
  buildpackDeps: at(
    'https://github.com/docker-library/buildpack-deps/blob/8330ca1d2319b779c8b7a8aa64bb40dbe568e1e2/debian/trixie/Dockerfile',
    'with debian/trixie/curl/Dockerfile and debian/trixie/scm/Dockerfile: the layers the full language images build on',
  ),
  buildpackDepsCurl: at('https://github.com/docker-library/buildpack-deps/blob/8330ca1d2319b779c8b7a8aa64bb40dbe568e1e2/debian/trixie/curl/Dockerfile'),
  buildpackDepsScm: at('https://github.com/docker-library/buildpack-deps/blob/8330ca1d2319b779c8b7a8aa64bb40dbe568e1e2/debian/trixie/scm/Dockerfile'),
  pythonFull: at('https://github.com/docker-library/python/blob/4f07059567fa61c80397126e8063dbbde011b794/3.14/trixie/Dockerfile'),
  pythonSlim: at(
    'https://github.com/docker-library/python/blob/4f07059567fa61c80397126e8063dbbde011b794/3.14/slim-trixie/Dockerfile',
    'slim keeps ca-certificates, netbase and tzdata; build dependencies are purged after compiling Python',
  ),
  golangAlpine: at(
    'https://github.com/docker-library/golang/blob/01dc540d7fbab91ada1a5ec0ae6a215ab734de31/1.23/alpine3.21/Dockerfile',
    'the final stage runs `apk add --no-cache ca-certificates` before anything else (every alpine variant of Dockerfile-linux.template)',
  ),
  rustSlim: at(
    'https://github.com/rust-lang/docker-rust/blob/7668ee290612ac3ac42dbfcbdfae75120263d2c9/stable/trixie/slim/Dockerfile',
    'from Dockerfile-slim.template (also bookworm/slim, bullseye/slim): installs ca-certificates, gcc, libc6-dev and wget with --no-install-recommends, then removes wget',
  ),
  rubySlim: at(
    'https://github.com/docker-library/ruby/blob/0127a2ff1ba87c35091d417c4d86cc4165f34bcb/3.3/slim-bookworm/Dockerfile',
    'slim keeps ca-certificates; the tools and -dev packages that build Ruby are purged after compiling it',
  ),
  nodeFull: at('https://github.com/nodejs/docker-node/blob/f27d936f7d7ccdeec25cd2de33584c1a841f561d/24/bookworm/Dockerfile'),
  nodeSlim: at(
    'https://github.com/nodejs/docker-node/blob/f27d936f7d7ccdeec25cd2de33584c1a841f561d/24/bookworm-slim/Dockerfile',
    'curl, wget, gnupg and ca-certificates are installed to fetch Node.js and purged again',
  ),
  nodeEntrypoint: at(
    'https://github.com/nodejs/docker-node/commit/7e47b378c42b03ae6afae704c5bf5b724aae2b92',
    'docker-entrypoint.sh and its ENTRYPOINT were added on 2019-05-23, to the images of 8.16.0, 10.15.3, 11.15.0 and 12.3.1 then current; older versions and lines ended before (4, 6, 7, 9) never had them',
  ),
  nodeAlpine: at('https://github.com/nodejs/docker-node/blob/f27d936f7d7ccdeec25cd2de33584c1a841f561d/24/alpine3.24/Dockerfile'),
  nginx: at('https://github.com/nginxinc/docker-nginx/blob/b430becb8f0f6b8d69e68cc73a82ea2873c38639/mainline/debian/Dockerfile'),
  nginxEntrypoint: at(
    'https://github.com/nginxinc/docker-nginx/blob/b430becb8f0f6b8d69e68cc73a82ea2873c38639/mainline/debian/docker-entrypoint.sh',
    'runs the scripts of /docker-entrypoint.d only when $1 is nginx or nginx-debug, then exec "$@" for any command',
  ),
  httpd: at('https://github.com/docker-library/httpd/blob/9b63b37c9be3b42d16b924ebb40af3cc40793119/2.4/Dockerfile'),
  mavenOpenjdk: at(
    'https://github.com/carlossg/docker-maven/blob/be89ae634c34b4def44e878d9618c09900c39a00/openjdk-17/Dockerfile',
    'the last maven:*-openjdk-17 image (removed 2022-04-28): FROM openjdk:17-jdk-oraclelinux8, with microdnf; openjdk-17-slim, openjdk-11 and openjdk-8 were FROM the Debian openjdk images, jdk-12 to -14 and openjdk-15 to -18 (not -slim) FROM Oracle Linux',
  ),
  gradleCorretto: at(
    'https://github.com/gradle/docker-gradle/blob/528a647c5a6566c7204a46e423da6294df499a1a/jdk21-corretto/Dockerfile',
    'FROM amazoncorretto:21-al2023-jdk (every corretto directory since they were added on 2024-11-01), installs with dnf and creates gradle with groupadd and useradd',
  ),
  gradleUser: at(
    'https://github.com/gradle/docker-gradle/blob/0d877e4377c1e88c967ce322ab1f2fef6b9b7f22/jdk21-alpine/Dockerfile',
    '`addgroup --system --gid 1000 gradle && adduser --system --ingroup gradle --uid 1000 … gradle` (groupadd and useradd with the same ids on the corretto and jammy directories, `groupmod --new-name gradle ubuntu` and `usermod --login gradle ubuntu` on noble), then `USER gradle` for a test run and `USER root` at the end',
  ),
  rBase: at(
    'https://github.com/rocker-org/rocker/blob/353d611b3ee5457b645f322f819eda32255a03ac/r-base/4.6.0/Dockerfile',
    'FROM debian:testing; `useradd -s /bin/bash -m docker && usermod -a -G staff docker`; installs r-base, r-base-dev and littler from unstable; CMD ["R"], no USER',
  ),
  caddy: at(
    'https://github.com/caddyserver/caddy-docker/blob/03d78cdcd835a384ab5567ea2a5ffa022ce3ec3b/2.11/alpine/Dockerfile',
    'FROM alpine:3.23; mkdir -p /config/caddy /data/caddy /etc/caddy /usr/share/caddy, chmod 1777 /config/caddy /data/caddy; setcap cap_net_bind_service=+ep /usr/bin/caddy; ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data; EXPOSE 80 443 443/udp 2019; WORKDIR /srv; CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]; no USER',
  ),
  caddyWritable: at(
    'https://github.com/caddyserver/caddy-docker/commit/272e3f8bf40120000fbd9deb4a9003892a8e7c5e',
    'of 2026-02-04, "Allow the image to be run as any arbitrary UID/GID": chmod 1777 of /config/caddy and /data/caddy, in 2.10 and 2.11; library/caddy rebuilt 2.10.2 and 2.11.0-beta.2 with it (commit 695d872), and every tag from 2.11.1 on (1dc09bb) has it. VOLUME /config and /data were removed for 2.5 (d9ac403, 2022-02-23); the setcap came with 2.6.3 (b650917, 2023-01-27)',
  ),
  caddyBuilder: at(
    'https://github.com/caddyserver/caddy-docker/blob/03d78cdcd835a384ab5567ea2a5ffa022ce3ec3b/2.11/builder/Dockerfile',
    'FROM golang:1.26-alpine3.23; xcaddy in /usr/bin; ENV XCADDY_SETCAP=1 (xcaddy runs setcap cap_net_bind_service=+ep on what it builds); WORKDIR /usr/bin, where xcaddy build writes ./caddy',
  ),
  caddyDefaultConfig: at(
    'https://github.com/caddyserver/dist/blob/33ae08ff08d168572df2956ed14fbc4949880d94/config/Caddyfile',
    'the Caddyfile the image puts in /etc/caddy: one site, :80, serving /usr/share/caddy',
  ),
  caddyAddresses: at(
    'https://caddyserver.com/docs/caddyfile/concepts#addresses',
    'an address with a host and no port is served over HTTPS on the HTTPS port (443), with HTTP redirected from the HTTP port (80); http:// without a port uses 80; the global options http_port and https_port change those defaults, auto_https off or disable_redirects drops the redirects; {$VAR} and {$VAR:default} are replaced from the environment when the Caddyfile is read',
  ),
  caddyCapabilityCopy: at(
    'https://github.com/moby/moby/issues/38132',
    'a file capability (the security.capability xattr) set with setcap in one stage is lost by COPY --from into another in Docker\'s builder; BuildKit and Buildah differ by version (containers/buildah#3294), so a copied caddy is not taken to keep it',
  ),
  haproxy: at(
    'https://github.com/docker-library/haproxy/blob/ec437dd2a3656610b10a42c08763d8fa1c591efe/3.2/Dockerfile',
    'on debian:trixie-slim (alpine/Dockerfile: alpine:3.24); makes haproxy (99:99), ends with `USER haproxy` and WORKDIR /var/lib/haproxy; docker-entrypoint.sh adds -W -db when $1 is haproxy, then exec "$@"',
  ),
  haproxyUser: at(
    'https://github.com/docker-library/haproxy/blob/ae10fbf9bae067e11222c34344c9032060ffa997/Dockerfile.template',
    'the images of 1.7, 1.8, 2.0, 2.2 and 2.3 have no USER (they run as root, for backwards compatibility); from 2.4 they run as haproxy',
  ),
  phpCli: at('https://github.com/docker-library/php/blob/445bf414f1d5866f7aef715f1203eae043710070/8.4/trixie/cli/Dockerfile'),
  phpZts: at(
    'https://github.com/docker-library/php/blob/445bf414f1d5866f7aef715f1203eae043710070/8.4/trixie/zts/Dockerfile',
    'like cli, no WORKDIR (none of the cli and zts Dockerfiles of 8.2 to 8.6-rc, Debian or Alpine, sets one)',
  ),
  phpApache: at('https://github.com/docker-library/php/blob/445bf414f1d5866f7aef715f1203eae043710070/8.4/trixie/apache/Dockerfile'),
  phpFpm: at('https://github.com/docker-library/php/blob/445bf414f1d5866f7aef715f1203eae043710070/8.4/trixie/fpm/Dockerfile'),
  temurin: at('https://github.com/adoptium/containers/blob/d8d18d67a32e2cbc765de68c30ea0998009df325/21/jdk/ubuntu/noble/Dockerfile'),
  temurinUbi: at(
    'https://github.com/adoptium/containers/blob/d8d18d67a32e2cbc765de68c30ea0998009df325/21/jre/ubi/ubi9-minimal/Dockerfile',
    'FROM redhat/ubi9-minimal; packages with microdnf',
  ),
  dotnetAzureLinux: at(
    'https://github.com/dotnet/dotnet-docker/blob/3ed00b611cc88eaa5995525a0549a5703965cd02/src/runtime-deps/10.0/azurelinux3.0/amd64/Dockerfile',
    'tdnf; shadow-utils is installed to create the app user, then removed',
  ),
  temurinJre: at('https://github.com/adoptium/containers/blob/d8d18d67a32e2cbc765de68c30ea0998009df325/21/jre/ubuntu/noble/Dockerfile'),
  dotnetAspnet: at(
    'https://github.com/dotnet/dotnet-docker/blob/3ed00b611cc88eaa5995525a0549a5703965cd02/README.aspnet.md',
    'tag tables per OS; .NET 10 defaults to Ubuntu 24.04 (noble), .NET 8 and 9 to Debian 12 (bookworm-slim)',
  ),
  dotnetSdkDockerfile: at(
    'https://github.com/dotnet/dotnet-docker/blob/00fae32bb0b7c283c20c668d92c18d1a28455141/src/sdk/8.0/bookworm-slim/amd64/Dockerfile',
    'FROM the aspnet image; sets ENV and installs with apt-get; no WORKDIR',
  ),
  dotnetSdk: at('https://github.com/dotnet/dotnet-docker/blob/3ed00b611cc88eaa5995525a0549a5703965cd02/README.sdk.md'),
  dotnetRuntime: at('https://github.com/dotnet/dotnet-docker/blob/3ed00b611cc88eaa5995525a0549a5703965cd02/README.runtime.md'),
  dotnetRuntimeDeps: at('https://github.com/dotnet/dotnet-docker/blob/3ed00b611cc88eaa5995525a0549a5703965cd02/README.runtime-deps.md'),
  dotnetChiseled: at(
    'https://github.com/dotnet/dotnet-docker/blob/050a351859bde44d7e77a5372673f6e2e163d635/src/runtime-deps/8.0/noble-chiseled/amd64/Dockerfile',
    'FROM scratch, COPY of the chiseled root, USER $APP_UID, no WORKDIR; runtime (src/runtime/8.0/noble-chiseled, commit 1517894) and aspnet (src/aspnet/8.0/noble-chiseled, commit 15df02a) add none; jammy-chiseled (commit 037f510) is the same',
  ),
  dotnetNonRoot: at(
    'https://github.com/dotnet/dotnet-docker/blob/3ed00b611cc88eaa5995525a0549a5703965cd02/src/runtime-deps/10.0/noble-chiseled/amd64/Dockerfile',
    'every image creates an `app` user with APP_UID=1654 (src/runtime-deps/10.0/noble/amd64/Dockerfile); chiseled images set USER $APP_UID',
  ),
  dotnetBefore8: at(
    'https://github.com/dotnet/dotnet-docker/blob/1180b9527b9932d666dab00d9618de3c4d26599f/src/runtime-deps/6.0/alpine3.17/amd64/Dockerfile',
    'runtime-deps 6.0 and 7.0 set ASPNETCORE_URLS=http://+:80 and create no user (the sdk image empties ASPNETCORE_URLS); from 8.0 runtime-deps sets ASPNETCORE_HTTP_PORTS=8080 and APP_UID=1654',
  ),
  distrolessReadme: at('https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/README.md'),
  distrolessNodejs: at(
    'https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/nodejs/nodejs.bzl',
    'entrypoint ["/nodejs/bin/node"]; majors per Debian in nodejs/config.bzl',
  ),
  distrolessNodejsDebian12: at(
    'https://github.com/GoogleContainerTools/distroless/commit/5cd38c1e',
    '"Remove nodejs debian12 builds" (2026-02-27): nodejs20/22/24-debian12 stay on the registry, no longer rebuilt',
  ),
  distrolessJava: at(
    'https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/java/java.bzl',
    'entrypoint ["/usr/bin/java", "-jar"]; Temurin 17, 21, 25 on debian13',
  ),
  distrolessJavaDebian12: at(
    'https://github.com/GoogleContainerTools/distroless/commit/b80e2842',
    '"Remove java debian12 builds" (2026-02-27): java17/21-debian12 stay on the registry, no longer rebuilt',
  ),
  distrolessPython: at(
    'https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/python3/python.bzl',
    'entrypoint ["/usr/bin/python3.13"] on debian13 (DISTRO_VERSION)',
  ),
  distrolessPythonDebian12: at(
    'https://github.com/GoogleContainerTools/distroless/commit/22b97d10',
    '"Remove python3-debian12" (2026-05-12): Python 3.11, no longer rebuilt',
  ),
  distrolessSupport: at('https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/SUPPORT_POLICY.md'),
  distrolessWorkdir: at(
    'https://github.com/GoogleContainerTools/distroless/blob/11eeda55665c49dfc0918ad4ab9f1cf0b4b3a698/static/static.bzl',
    'USER_VARIANTS: the root images have workdir /, the nonroot ones (65532) /home/nonroot; the debug images build on them',
  ),
  distrolessDebug: at(
    'https://github.com/GoogleContainerTools/distroless/blob/11eeda55665c49dfc0918ad4ab9f1cf0b4b3a698/static/static.bzl',
    'the debug images add busybox in /busybox alone (entrypoint ["/busybox/sh"], PATH $PATH:/busybox): no /bin/sh, so a RUN in shell form fails there',
  ),
  distrolessUsers: at(
    'https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/base/README.md',
    '`nonroot` tags run as uid 65532; the others as root',
  ),
  debianMinbase: at(
    `${OFFICIAL_IMAGES}/library/debian`,
    'built by debuerreotype (docker-debian-artifacts) from a minbase bootstrap: Priority required packages and apt; -slim also drops docs, man pages and locales',
  ),
  alpineAports: at('https://gitlab.alpinelinux.org/alpine/aports', 'APKBUILD pkgname and subpackages, main/ and community/'),
  debianPackages: at('https://packages.debian.org/bookworm/', 'apt-cache show on Debian 12 (bookworm) with current lists'),
  alpineRootfs: at(
    'https://github.com/alpinelinux/aports/blob/0f9ea9623f2d4030bf00cf634178456e3925e032/scripts/genrootfs.sh',
    'the minirootfs the alpine image is made of lists both the main and the community repository',
  ),
  al2023CurlMinimal: at(
    'https://docs.aws.amazon.com/linux/al2023/ug/curl-minimal.html',
    'curl-minimal and libcurl-minimal "is the default package for AL2023 AMIs and containers"',
  ),
  al2023CurlConflict: at(
    'https://gitlab.com/gitlab-org/ci-cd/docker-machine/-/work_items/127',
    '`docker run -it amazonlinux:2023`: dnf fetches its https repositories, and `yum install -y curl` fails: "problem with installed package curl-minimal … conflicts with curl"',
  ),
  alpineSslClient: at(
    'https://github.com/alpinelinux/aports/blob/015572990bed49aaa07fcdb2f4b3ae56774a12da/main/busybox/APKBUILD',
    'ssl_client, the TLS helper of busybox wget, is installed whenever busybox and libssl are',
  ),
  alpineWgetTls: at(
    'https://github.com/docker-library/docker/pull/126',
    '"Alpine 3.8\'s wget appears to work fine now, and already includes bits necessary for TLS" (2018): https downloads work without packages',
  ),
  alpineCurl: at(
    'https://github.com/alpinelinux/aports/blob/0162f3f304eb2e8429330fb8b0de9faea0e15aed/main/curl/APKBUILD',
    'curl depends on ca-certificates',
  ),
  debianCurlWget: at(
    'https://packages.debian.org/bookworm/curl',
    '`apt-cache show` on Debian 12: libcurl4 (which curl depends on) and wget recommend ca-certificates, so `--no-install-recommends` leaves it out',
  ),
  busyboxImage: at(
    `${OFFICIAL_IMAGES}/library/busybox`,
    'one static busybox binary: wget fetches http, but there is no TLS helper and no CA certificates for https',
  ),
  bashbrewArchitectures: at(
    'https://github.com/docker-library/bashbrew/blob/3ebdb4c18fc176b30601a9ff1812b340e1f9dc08/architecture/oci-platform.go',
    'SupportedArches: the architecture namespaces of the official images (arm64v8, i386…) and the OCI platform of each',
  ),
  tiniAports: at(
    'https://github.com/alpinelinux/aports/blob/05253d2ccfbc33afa159c80635963e9c34d8cf45/community/tini/APKBUILD',
    'community/tini installs /sbin/tini; its subpackage tini-static installs /sbin/tini-static (also at 0.15.0, commit 57f8763f, Alpine 3.7)',
  ),
  tiniDebian: at(
    'https://packages.debian.org/bookworm/tini',
    '`dpkg -c` of tini 0.19.0-1+b3: /usr/bin/tini and /usr/bin/tini-static; first uploaded 2018-04-25 (0.18.0-1), so Debian 10 (buster) is the first release with it',
  ),
  perl: at(
    'https://github.com/Perl/docker-perl/blob/8b707a17ed1380a57b38d2dac8b4effdfd9b5194/5.042.001-main-trixie/Dockerfile',
    'FROM buildpack-deps:<release>; -slim variants FROM debian:<release>-slim (5.042.001-slim-trixie); CMD ["perl5.42.1","-de0"]; no USER or ENTRYPOINT',
  ),
  erlang: at(
    'https://github.com/erlang/docker-erlang-otp/blob/023b069bdcc139d8b85bead3e93a73b01192a12d/28/Dockerfile',
    'FROM buildpack-deps:trixie (27 and 26: bookworm, 25 and 24: bullseye); builds OTP into /usr/local, then installs rebar (2.6.4) and rebar3; CMD ["erl"]; no WORKDIR, USER or ENTRYPOINT',
  ),
  erlangSlim: at(
    'https://github.com/erlang/docker-erlang-otp/blob/023b069bdcc139d8b85bead3e93a73b01192a12d/28/slim/Dockerfile',
    'FROM debian:<release>, the full image\'s release; keeps libodbc2, libssl3t64 and libsctp1 and installs rebar3 (not rebar); curl, ca-certificates, gcc, g++, make and the -dev packages that built OTP are purged',
  ),
  erlangAlpine: at(
    'https://github.com/erlang/docker-erlang-otp/blob/023b069bdcc139d8b85bead3e93a73b01192a12d/28/alpine/Dockerfile',
    'FROM alpine:3.24 (25 and 24: alpine:3.22); keeps ca-certificates, lksctp-tools and the libraries OTP links; rebar3, not rebar',
  ),
  elixir: at(
    'https://github.com/erlef/docker-elixir/blob/6113c3ed97ed23a71c6a57f61dc9ffce5d1ce82d/1.19/Dockerfile',
    'FROM erlang:<otp> (slim: erlang:<otp>-slim, which purges the ca-certificates, curl and make it installs; alpine: erlang:<otp>-alpine); ENV LANG=C.UTF-8; CMD ["iex"]; no WORKDIR, USER or ENTRYPOINT',
  ),
  elixirAlpine: at(
    'https://github.com/erlef/docker-elixir/blob/6113c3ed97ed23a71c6a57f61dc9ffce5d1ce82d/1.19/alpine/Dockerfile',
    'FROM erlang:<otp>-alpine; ca-certificates, curl and make in the .build-deps group it deletes, which leaves the ca-certificates erlang\'s .erlang-rundeps holds',
  ),
  clojureLein: at(
    'https://github.com/Quantisan/docker-clojure/blob/14dff87caeb3172b199e26146f4dfeb11e893c5f/target/debian-bookworm-21/lein/Dockerfile',
    'FROM debian:bookworm; COPY --from=eclipse-temurin:21 /opt/java/openjdk; installs make, gnupg and wget and purges gnupg and wget; WORKDIR /tmp; ENV LEIN_ROOT 1; ENTRYPOINT ["entrypoint"] (runs lein for its own subcommands and options, else `exec "$@"`), CMD ["repl"]; no USER',
  ),
  clojureToolsDeps: at(
    'https://github.com/Quantisan/docker-clojure/blob/14dff87caeb3172b199e26146f4dfeb11e893c5f/target/debian-bookworm-slim-21/tools-deps/Dockerfile',
    'FROM debian:bookworm-slim (the full variant: debian:bookworm, the same RUNs); installs curl, make, git and rlwrap and purges curl; WORKDIR /tmp; ENTRYPOINT ["entrypoint"] (clj for its own subcommands and options), CMD ["-M", "--repl"]',
  ),
  clojureAlpine: at(
    'https://github.com/Quantisan/docker-clojure/blob/14dff87caeb3172b199e26146f4dfeb11e893c5f/target/eclipse-temurin-21-jdk-alpine/tools-deps/Dockerfile',
    'FROM eclipse-temurin:21-jdk-alpine (the Ubuntu variants: eclipse-temurin:<jdk>-jdk-<release>); apk add curl bash make git rlwrap, then apk del curl; WORKDIR /tmp',
  ),
  sbtDockerfile: at(
    'https://github.com/sbt/docker-sbt/blob/442f6f83e9295b33bee23d74f444e51851dbc6c9/eclipse-temurin/Dockerfile',
    'FROM eclipse-temurin:<jdk> (alpine.Dockerfile: <jdk>-jdk-alpine); installs curl, git and rpm; useradd sbtuser (USER_ID and GROUP_ID 1001); ENV HOME=/home/sbtuser, chown sbtuser:0 and chmod 2775; sbt warmed as sbtuser, linked into /root; then USER root, WORKDIR /root, CMD ["sbt"]',
  ),
  sbtTags: at(
    'https://github.com/sbt/docker-sbt/blob/442f6f83e9295b33bee23d74f444e51851dbc6c9/.github/workflows/build.yml',
    'imageLabel: eclipse-temurin-<jdk version>, eclipse-temurin-alpine-<jdk version>, graalvm-community-…, amazoncorretto-al2023-…; fat tags <label>_<sbt>_<scala>, light <label>_<sbt line> and the JDK major\'s',
  ),
  julia: at(
    'https://github.com/docker-library/julia/blob/aa7507fed1366a7e6216880a7c20b219c45caba0/stable/trixie/Dockerfile',
    'FROM debian:<release>-slim; keeps ca-certificates and curl; Julia in /usr/local/julia; ENTRYPOINT ["docker-entrypoint.sh"] (`exec julia "$@"` when $1 is an option or a .jl file, else `exec "$@"`), CMD ["julia"]; no WORKDIR or USER',
  ),
  juliaAlpine: at(
    'https://github.com/docker-library/julia/blob/678508f3f2496d6e69ea976eaa4dfb3ef4ec7d28/1.6/alpine3.20/Dockerfile',
    'FROM alpine:3.20; gnupg in a .fetch-deps group it deletes, Julia fetched with busybox wget; ENTRYPOINT ["docker-entrypoint.sh"], CMD ["julia"] (1.6/bookworm beside it: debian:bookworm-slim keeping curl and ca-certificates)',
  ),
  juliaEntrypoint: at('https://github.com/docker-library/julia/commit/a7e28ee0b611690e7c81b37edbc04c64e38c9aa8', 'docker-entrypoint.sh added 2022-10-20: images built before (1.7, 1.6.0 to 1.6.6, 1.8.0 and 1.8.1) have no ENTRYPOINT'),
  // The tag list's commit that dropped the last Alpine tags (1.10.10-alpine3.23 and -alpine3.22 before it).
  juliaAlpineDropped: officialCommit('17cff483407d2e4a7b8e2aeb6bb16326eaffefd4', '2026-03-10'),
  dart: at(
    'https://github.com/dart-lang/dart-docker/blob/8ae3f4aa7660f0e10f4476c07a6dd6ee5a166405/stable/trixie/Dockerfile',
    'FROM debian:trixie-slim; keeps ca-certificates, curl, dnsutils, git, openssh-client and unzip; /runtime/ holds the dynamic loader, libc and the CA certificates for `COPY --from=dart:<v> /runtime/ /` onto scratch; SDK in /usr/lib/dart; WORKDIR /root; no USER, ENTRYPOINT or CMD',
  ),
  swift: at(
    'https://github.com/swiftlang/swift-docker/blob/902c2a9efe9762ca3fd477d0ebc14b26d96bc6c4/6.2/ubuntu/24.04/Dockerfile',
    'FROM ubuntu:24.04 (jammy: ubuntu:22.04, bookworm: debian:12); installs binutils, git, unzip, libc6-dev, the -dev packages of curl, xml2, python3, ncurses, z3 and zlib, and the whole toolchain into /usr; no WORKDIR, USER, ENTRYPOINT or CMD',
  ),
  swiftSlim: at(
    'https://github.com/swiftlang/swift-docker/blob/902c2a9efe9762ca3fd477d0ebc14b26d96bc6c4/6.2/ubuntu/24.04/slim/Dockerfile',
    'the same OS image with libcurl4, libxml2 and tzdata, and only usr/lib/swift/linux and usr/libexec/swift/linux of the toolchain: the runtime libraries, no swift, swiftc or clang',
  ),
  gccTemplate: at(
    'https://github.com/docker-library/gcc/blob/00b26e718cb2a42fca77676383917c1e5c15b6ca/Dockerfile.template',
    'FROM buildpack-deps:<release>; builds gcc in RUNs that cd to /usr/src/gcc and a temporary folder; no WORKDIR',
  ),
  composer: at(
    'https://github.com/composer/docker/blob/e1056b5bda92a20e51498cfa878d88c1c3721a62/latest/Dockerfile',
    'FROM php:8-alpine, installs bash and tini with apk; ENTRYPOINT ["/docker-entrypoint.sh"] (runs tini -- composer for composer commands, else exec "$@"), CMD ["composer"]; ENV COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_HOME=/tmp; no USER',
  ),
  amazonlinuxImage: at(
    'https://github.com/amazonlinux/container-images/blob/011385560e0751e72aa478fd7387e51235de868b/Dockerfile',
    'the amzn2 branch: FROM scratch with the container rootfs of Amazon Linux 2; CMD ["/bin/bash"] (the al2023 branch is built the same way)',
  ),
  amazonlinuxShadow: at(
    'https://github.com/amazonlinux/container-images/issues/83',
    '"The container image is a very minimal set of packages, just enough to install more packages": no adduser; issue #28 on amazonlinux:2 answers `yum install -y shadow-utils && yum clean all && useradd user`',
  ),
  centos7Kickstart: at(
    'https://github.com/CentOS/sig-cloud-instance-build/blob/d90825f6e4e57aa3dc846f03c395b8ee9ad76d70/docker/centos-7-x86_64.ks',
    'the centos:7 rootfs: yum, passwd and systemd, whose RHEL 7 spec requires /usr/sbin/groupadd before install (Requires(pre)), so shadow-utils and useradd are there',
  ),
  centos8Kickstart: at(
    'https://github.com/CentOS/sig-cloud-instance-build/blob/9c57ff3b1edab2b6b14b78bf5e96ebc58a756d97/docker/centos-8.ks',
    'the centos:8 rootfs: yum (dnf), and systemd, whose units its %post masks; systemd requires /usr/sbin/groupadd, from shadow-utils',
  ),
  dnfYum: at(
    'https://github.com/rpm-software-management/dnf/blob/5ad76abc97a6b82a70ddc828d2286a47567eff7f/dnf.spec',
    "dnf's spec: its yum subpackage, named yum on RHEL and on Fedora from 31 (dnf-yum before), is `ln -sr dnf-3 yum`: /usr/bin/yum runs dnf",
  ),
  centosVault: at(
    'https://github.com/epics-base/epics-base/issues/524',
    'centos:7 builds fail with "Could not resolve host: mirrorlist.centos.org": after the end of CentOS Linux (7 on 2024-06-30, 8 on 2021-12-31) the packages were moved to vault.centos.org',
  ),
  rockyContainerBase: at(
    'https://github.com/rocky-linux/kickstarts/blob/4171b2c712904c5b64963ed1fdc1a5536eb8867e/Rocky-9-Container-Base.ks',
    'the rockylinux:9 rootfs: bash, coreutils-single, yum (dnf), tar, vim-minimal; shadow-utils is not listed, so useradd is installed before use',
  ),
  rockyContainerMinimal: at(
    'https://github.com/rocky-linux/kickstarts/blob/4171b2c712904c5b64963ed1fdc1a5536eb8867e/Rocky-9-Container-Minimal.ks',
    'the rockylinux:9-minimal rootfs: bash, coreutils-single, microdnf, without yum',
  ),
  almalinuxDefault: at(
    'https://github.com/AlmaLinux/docker-images/blob/3c18ec94d5d5800c9ee22bcddbf784f57732029d/dockerfiles/alma9/Dockerfile.default',
    'almalinux:9: dnf, yum, coreutils-single, tar, vim-minimal installed into a root FROM scratch; no shadow-utils named; CMD ["/bin/bash"]',
  ),
  almalinuxMinimal: at(
    'https://github.com/AlmaLinux/docker-images/blob/47d72509661a16ce95c12e8b924da5f994e5e95c/dockerfiles/alma9/Dockerfile.minimal',
    'almalinux:9-minimal: microdnf alone installed into the root; CMD ["/bin/bash"]',
  ),
  almalinuxMicro: at(
    'https://github.com/AlmaLinux/docker-images/blob/9436348971cc47ef89090e1bb2fc55132d7a2185/dockerfiles/alma9/Dockerfile.micro',
    'almalinux:9-micro: coreutils-single and glibc-minimal-langpack only, no package manager; CMD /bin/sh',
  ),
  almalinuxTags: at(
    'https://github.com/AlmaLinux/docker-images/blob/45a7cfe9398dd50d476d3a0bb87429a95e0478c2/dockerhub/library/almalinux',
    'the tag list: `8`, `8.4`, `minimal`, `8-minimal`, `micro`, `8-micro`, `init`, `base`…',
  ),
  oraclelinuxImage: at(
    'https://github.com/oracle/container-images/blob/082c16cbd9fefaedebdec1281d910ef3563299f5/9-slim/Dockerfile',
    'FROM scratch with the 9-slim rootfs; CMD ["/bin/bash"]; the full images (7, 8, 9, 10) are built the same way',
  ),
  oraclelinuxDist: at(
    'https://github.com/oracle/container-images/tree/a28fd64cea50c149190e6f517269a00eb165c9cd',
    'the dist-amd64 branch (dist-arm64v8 likewise): one folder per tag, 7, 7-slim, 7-slim-fips, 8, 8-slim, 8-slim-fips, 9, 9-slim, 9-slim-fips, 10, 10-slim, each FROM scratch with its rootfs and CMD ["/bin/bash"]; no -fips without slim',
  ),
  oraclelinuxShortName: at(
    'https://github.com/containers/shortnames/blob/4a3f8d605eb77c1d18671bbf3567c63da380fd7c/shortnames.conf',
    '"oraclelinux" = "container-registry.oracle.com/os/oraclelinux", which Oracle\'s maintainer set (commit d30ea40, 2021-06-15: "switches back to the official images from an Oracle owned source", once that registry had manifest lists for both architectures)',
  ),
  oraclelinuxRegistry: at(
    'https://github.com/containers/shortnames/pull/25',
    'Oracle\'s maintainer, 2022-04-13, on `podman pull oraclelinux` failing with "manifest unknown" for container-registry.oracle.com/os/oraclelinux:latest: "We have no `latest` image on purpose", a tag names the version',
  ),
  airflow: at(
    'https://github.com/apache/airflow/blob/0060b1a446d07a86af2b4f847b2242195e9423ac/Dockerfile',
    'the production image: Debian (bookworm-slim, python:<version>-slim-bookworm before 3.x) with `adduser … "airflow" --uid "${AIRFLOW_UID}" --gid "0" --home /home/airflow` (AIRFLOW_UID=50000), WORKDIR /opt/airflow, `USER ${AIRFLOW_UID}`, ENTRYPOINT ["/usr/bin/dumb-init", "--", "/entrypoint"], CMD []',
  ),
  fedoraImage: at(
    'https://github.com/fedora-cloud/docker-brew-fedora/blob/10217c9601febe67a09fe48512010dcac2e1f787/x86_64/Dockerfile',
    'FROM scratch with the rootfs of the Fedora container base kickstart; CMD ["/bin/bash"]',
  ),
  fedoraKickstart: at(
    'https://github.com/LevitateOS/fedora-kickstarts/blob/d93b2accc04f9dfae72d9d6272a66cfb69df0d00/fedora-container-base.ks',
    'a copy of pagure.io/fedora-kickstarts: dnf5, bash, coreutils, rpm, sudo; shadow-utils is not listed, so useradd is installed before use',
  ),
  opensuseShadow: at(
    'https://github.com/openhpc/ohpc/pull/1780',
    '"Install `shadow` (for groupadd) for Leap": the opensuse/leap image has zypper but not the shadow package (useradd, groupadd)',
  ),
  ubiMinimal: at(
    'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/10/html/building_running_and_managing_containers/understanding-the-ubi-minimal-images',
    'ubi-minimal has microdnf instead of dnf and a minimized package set',
  ),
  ubiMinimalShadow: at(
    'https://github.com/openshift/addon-operator/pull/314/files',
    'on ubi8/ubi-minimal: "shadow-utils contains adduser and groupadd binaries", installed with microdnf before creating a user',
  ),
  ubiOpenjdkUser: at(
    'https://github.com/jboss-container-images/openjdk/blob/273ad2f9be515c6b3ce019c90522ca369d32290c/modules/user/module.yaml',
    'module jboss.container.user, which every image of the repository includes: installs shadow-utils, runs `groupadd -r jboss -g 185 && useradd -u 185 -r -g root -G jboss -m -d /home/jboss -s /sbin/nologin jboss` (configure.sh), sets HOME=/home/jboss and runs as user 185 in /home/jboss',
  ),
  ubiOpenjdkRunJava: at(
    'https://github.com/jboss-container-images/openjdk/blob/06867b47626adf09de1b7c42841e890084a18a3e/modules/run/artifacts/opt/jboss/container/java/run/run-java.sh',
    'run-java.sh, the images\' launcher: builds the JVM options and classpath, then `exec -a "${procname}" java …` as the user it runs as',
  ),
  ubiDockerHub: at(
    `${OFFICIAL_IMAGES}/.external-pins/redhat/ubi9-minimal___latest`,
    'docker-library pins redhat/ubi8, ubi9 and ubi10 and their -minimal images on Docker Hub as the external bases of official images; eclipse-temurin\'s ubi Dockerfiles say FROM redhat/ubi9-minimal',
  ),
  ubiMicro: at(
    'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/10/html/building_running_and_managing_containers/understanding-the-ubi-micro-images',
    'ubi-micro excludes a package manager and all of its dependencies',
  ),
  ubiStandard: at(
    'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/10/html/building_running_and_managing_containers/characteristics-of-ubi-images',
    'four UBI images: micro, minimal, standard (dnf) and init; packages from the ubi-N-baseos and ubi-N-appstream repositories',
  ),
  miniconda: at(
    'https://github.com/ContinuumIO/docker-images/blob/dc64b234e2f39d387b160f1e2d8accda6d8bb821/miniconda3/debian/Dockerfile',
    'FROM debian:12.6-slim; conda in /opt/conda, owned by root; CMD ["/bin/bash"]; no USER, no WORKDIR; anaconda3/debian/Dockerfile is the same shape. Before commit cac3352 (2019-06-18, Miniconda 4.6.14) the images ran ENTRYPOINT ["/usr/bin/tini", "--"]',
  ),
  chainguardImages: at(
    'https://github.com/chainguard-images/images/tree/cd7edd236bf1738260cf528cd8886f5353c3a3b8/images',
    'each image\'s locked_config.json (accounts: users and run-as; BEST_PRACTICES.md: no run-as is root), python/README.md (latest-dev runs as nonroot: `docker run --user root` to use apk), git/README.md (the -root tags)',
  ),
  micromamba: at(
    'https://github.com/mamba-org/micromamba-docker/blob/07a6f67b78771a009da05e72739a0b759e8f91c8/debian.Dockerfile',
    'FROM debian:12-slim; creates mambauser (uid and gid 57439, ARG MAMBA_USER_ID), USER $MAMBA_USER; ENTRYPOINT ["/usr/local/bin/_entrypoint.sh"] (activates the environment, then exec "$@", commit 0dcd5d7), CMD ["/bin/bash"]; docs/tags.rst: a tag without a base name (`1.5.8`, `latest`) is the newest Debian slim release',
  ),
  tomcat: at(
    'https://github.com/docker-library/tomcat/blob/40f27d562f94c0dbfb861587ee8837047b1cd555/11.0/jdk21/temurin-noble/Dockerfile',
    'FROM eclipse-temurin:<java>-<jdk|jre>-<noble|jammy>; ENV CATALINA_HOME /usr/local/tomcat, WORKDIR $CATALINA_HOME; mkdir webapps (root\'s; the examples moved to webapps.dist); chmod 1777 logs temp work; no USER; EXPOSE 8080; ENTRYPOINT []; CMD ["catalina.sh", "run"]; the same in 9.0, 10.1 and 11.0 (versions.json)',
  ),
  tomcatHost: at(
    'https://tomcat.apache.org/tomcat-10.1-doc/config/host.html',
    'appBase defaults to webapps; unpackWARs (default true) unpacks a WAR placed in the appBase into a folder of the same name beside it when it is deployed',
  ),
  apacheKafka: at(
    'https://github.com/apache/kafka/blob/1eb7644349cb07139d6a3c1ad1986979647cac99/docker/jvm/Dockerfile',
    'FROM eclipse-temurin:21-jre-alpine (ENTRYPOINT /__cacert_entrypoint.sh kept); apk add bash; adduser -h /home/appuser -D appuser (busybox: no uid given, the first free one from 1000, with a group of its own); USER appuser; VOLUME /etc/kafka/secrets /var/lib/kafka/data /mnt/shared/config; CMD ["/etc/kafka/docker/run"]; no WORKDIR',
  ),
  bitnamiKafka: at(
    'https://github.com/bitnami/containers/blob/cb0b45075170508f4eb5e168e4356fbc26172f33/bitnami/kafka/4.0/debian-12/Dockerfile',
    'FROM bitnami/minideb:bookworm; ENV HOME="/"; chmod g+rwX /opt/bitnami; USER 1001 (no account: group root, 0); ENTRYPOINT ["/opt/bitnami/scripts/kafka/entrypoint.sh"] (runs setup when the command is run.sh, then exec "$@"), CMD ["/opt/bitnami/scripts/kafka/run.sh"]; no WORKDIR',
  ),
  nginxUnprivileged: at(
    'https://github.com/nginxinc/docker-nginx-unprivileged/blob/14a8d9f217d7aa6b4ca1bb6de8ba9ec860dc931e/stable/alpine-slim/Dockerfile',
    'the official nginx image\'s build with ARG UID=101: listens on 8080, pid in /tmp/nginx.pid, temp paths in /tmp, /var/cache/nginx and /etc/nginx owned by $UID:0; ENTRYPOINT ["/docker-entrypoint.sh"]; USER $UID; CMD ["nginx", "-g", "daemon off;"]; no WORKDIR',
  ),
  nginxUnprivilegedRegistries: at(
    'https://github.com/nginxinc/docker-nginx-unprivileged/blob/main/README.md',
    'Image Registries: Amazon ECR (public.ecr.aws/nginx/nginx-unprivileged), Docker Hub (nginxinc/nginx-unprivileged), GitHub Container Registry',
  ),
  confluentKafka: at(
    'https://github.com/confluentinc/kafka-images/blob/1982d1d9e55135173a308a8e669565dea7c698d2/kafka/Dockerfile.ubi9',
    'FROM confluentinc/cp-base-new; gives /var/lib/kafka, /etc/kafka, /var/log/kafka to appuser:root; VOLUME /var/lib/kafka/data /etc/kafka/secrets; USER appuser; CMD ["/etc/confluent/docker/run"]',
  ),
  confluentBase: at(
    'https://github.com/confluentinc/common-docker/blob/03401df12a76e11b932f2dae5e1ab9eca9651918/base/Dockerfile.ubi9',
    'FROM ubi9/ubi-minimal; microdnf install yum, then yum installs temurin-21-jdk and python3; useradd --no-log-init --create-home --shell /bin/bash appuser (no uid given: the first from UID_MIN, 1000, with a group of its own); USER appuser; WORKDIR /home/appuser',
  ),
  jupyterFoundation: at(
    'https://github.com/jupyter/docker-stacks/blob/8209386950497966c8a9aa446b9a84a5dd78eab5/images/docker-stacks-foundation/Dockerfile',
    'FROM ubuntu:24.04; useradd --uid ${NB_UID} (1000) jovyan in group users (100), owner of ${CONDA_DIR}; ENTRYPOINT ["tini", "-g", "--", "start.sh"] (start.sh ends in exec of its arguments); USER ${NB_UID}; WORKDIR "${HOME}" (HOME=/home/${NB_USER}, jovyan)',
  ),
  linuxserverBaseimageAlpine: at(
    'https://github.com/linuxserver/docker-baseimage-alpine/blob/3d5a8b06a66bdf923dd537912cde796ccf915532/Dockerfile',
    'FROM scratch with an Alpine root and s6-overlay 3; installs bash, shadow and catatonit; useradd -u 911 -U -d /config abc; ENTRYPOINT ["/init"], no CMD, no USER: /init starts as root, sets abc to PUID and PGID and runs the services',
  ),
  // NVIDIA's repository is on GitLab; the commit was read from a GitHub mirror of it (lanzhiwang/nvidia-container-images-cuda).
  nvidiaCudaBase: {
    url: 'https://gitlab.com/nvidia/container-images/cuda/-/blob/57b6e780209ea907267bd11bca588d9605ce629e/dist/12.6.3/ubuntu2204/base/Dockerfile',
    checked: '2026-12-07',
    note: 'CUDA 12.6.3 Update (2024-12-03); FROM ubuntu:22.04; apt-get install gnupg2 curl ca-certificates, then apt-get purge --autoremove curl; no USER, WORKDIR, ENTRYPOINT or CMD. The ubi9 and rockylinux9 ones: FROM registry.access.redhat.com/ubi9/ubi and rockylinux:9, yum install; centos7 (dist/11.8.0): FROM centos:7',
  },
  nvidiaCudaRuntime: {
    url: 'https://gitlab.com/nvidia/container-images/cuda/-/blob/57b6e780209ea907267bd11bca588d9605ce629e/dist/12.6.3/ubuntu2204/runtime/Dockerfile',
    checked: '2026-12-07',
    note: 'FROM the base tag; COPY entrypoint.d/ /opt/nvidia/entrypoint.d/ and nvidia_entrypoint.sh; ENTRYPOINT ["/opt/nvidia/nvidia_entrypoint.sh"], no CMD, no USER. devel is FROM runtime and keeps it; the cudnn tags are FROM runtime or devel. Added to every runtime Dockerfile by commit b727a63c (2022-12-02)',
  },
  nvidiaCudaEntrypoint: {
    url: 'https://gitlab.com/nvidia/container-images/cuda/-/blob/57b6e780209ea907267bd11bca588d9605ce629e/nvidia_entrypoint.sh',
    checked: '2026-12-07',
    note: 'prints the entrypoint.d banner, copyright and a warning when no GPU driver is found (nothing that needs root), then `exec "$@"`, or `exec /bin/bash` without arguments',
  },
  linuxserverBaseimageAlpineNginx: at(
    'https://github.com/linuxserver/docker-baseimage-alpine-nginx/blob/097e215939dd19cdac4ac13b930c3432ab8375d2/Dockerfile',
    'FROM ghcr.io/linuxserver/baseimage-alpine:3.22; apk add --no-cache nginx, php84 and its modules, git, nano, openssl; php-fpm set to run as abc; COPY root/ / (the nginx and php-fpm services of s6-overlay); EXPOSE 80 443; sets no ENTRYPOINT, CMD or USER: /init of the base',
  ),
  rustupInit: at(
    'https://github.com/rust-lang/rustup/blob/0878429a3d0868928cb57085332854e183f9fcfe/rustup-init.sh',
    'what sh.rustup.rs serves: checks for uname, mktemp, chmod, mkdir, rm and curl or wget, downloads rustup-init for the architecture and runs it, which installs under RUSTUP_HOME and CARGO_HOME; it runs no package manager (apt is only named in an error message)',
  ),
  linuxserverBaseimageUbuntu: at(
    'https://github.com/linuxserver/docker-baseimage-ubuntu/blob/93b4c6be0e8e1611d1611586695cecec45992df6/Dockerfile',
    'FROM scratch with an Ubuntu root and s6-overlay 3; useradd -u 911 -U -d /config abc; ENTRYPOINT ["/init"], no CMD, no USER',
  ),
  linuxserverBaseimageDebian: at(
    'https://github.com/linuxserver/docker-baseimage-debian/blob/397cfe0b87a027ec01d17a1f1bd50f6aecdaa862/Dockerfile',
    'FROM scratch with a Debian slim root and s6-overlay 3; useradd -u 911 -U -d /config abc; ENTRYPOINT ["/init"], no CMD, no USER',
  ),
  prometheus: at(
    'https://github.com/prometheus/prometheus/blob/84a7c1950ccd6d74e94a2c04ca55c11f6ed825b2/Dockerfile',
    'FROM quay.io/prometheus/busybox-${OS}-${ARCH}; WORKDIR /prometheus; chown -R nobody:nobody /etc/prometheus /prometheus; USER nobody; VOLUME /prometheus; ENTRYPOINT ["/bin/prometheus"]; CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"] (2.x also passes the console flags). USER nobody from v2.0.0-beta.0 (commit b2f7c8d8, 2017-06-19); v1.x and v2.0.0-alpha ran as root. Published as prom/prometheus and quay.io/prometheus/prometheus (README.md)',
  ),
  prometheusBusybox: at(
    'https://github.com/prometheus/busybox/blob/869afd42c4d8f5d4e7e4787b3bd9a6c39cb403d6/glibc/Dockerfile',
    "FROM busybox:glibc with Debian's CA certificates, zone data, /etc/services and libpthread: busybox's /bin/sh and adduser, no package manager; nobody is 65534:65534",
  ),
  alertmanager: at(
    'https://github.com/prometheus/alertmanager/blob/1a6bc577644bc11c0418ff23b9ac7474f8755843/Dockerfile',
    'FROM quay.io/prometheus/busybox-${OS}-${ARCH}; mkdir -p /alertmanager, chown -R nobody:nobody /etc/alertmanager /alertmanager; USER nobody; VOLUME /alertmanager; WORKDIR /alertmanager; ENTRYPOINT ["/bin/alertmanager"]; CMD ["--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager"]. USER nobody from v0.16.0 (commit f297445b, 2018-10-17)',
  ),
  nodeExporter: at(
    'https://github.com/prometheus/node_exporter/blob/b99dcb64f95f10cfe2e0a656239d583397dd3cd8/Dockerfile',
    'FROM quay.io/prometheus/busybox-${OS}-${ARCH}; USER nobody; ENTRYPOINT ["/bin/node_exporter"]; no WORKDIR, no CMD. USER nobody from v0.15.0 (commit 798950d2, 2017-06-08)',
  ),
  pushgateway: at(
    'https://github.com/prometheus/pushgateway/blob/894684ff1aa03103bcb6d9a65df85e7eb845f03a/Dockerfile',
    'FROM quay.io/prometheus/busybox-${OS}-${ARCH}; WORKDIR /pushgateway, chown nobody:nobody /pushgateway; USER 65534 (nobody); ENTRYPOINT ["/bin/pushgateway"]; no CMD. USER 65534 from v0.8.0 (commit 79b723f, 2019-04-12)',
  ),
  blackboxExporter: at(
    'https://github.com/prometheus/blackbox_exporter/blob/8f07811b897fb09ec485cd2296df654ef6333f5f/Dockerfile',
    'FROM quay.io/prometheus/busybox-${OS}-${ARCH}; no USER: it runs as root, which its ICMP probes need (README.md: a group within net.ipv4.ping_group_range, CAP_NET_RAW or root); only Dockerfile.distroless (the -distroless tags, from 2026) runs as nonroot',
  ),
  envoyDockerfile: at(
    'https://github.com/envoyproxy/envoy/blob/64d540b69ba184594e287182b6b3a3e6f1b3ae08/distribution/docker/Dockerfile-envoy',
    'envoy-base (Ubuntu): adduser --group --system envoy, ENTRYPOINT ["/docker-entrypoint.sh"], CMD ["envoy", "-c", "/etc/envoy/envoy.yaml"], su-exec in /usr/local/bin; no USER. envoy-distroless (the distroless- tags): gcr.io/distroless/base-nossl:nonroot, ENTRYPOINT ["/usr/local/bin/envoy"]; envoy-google-vrp: ENTRYPOINT [], supervisord',
  ),
  envoyEntrypoint: at(
    'https://github.com/envoyproxy/envoy/blob/3313680ead6a806c0e5193565dd3fe29baecb337/ci/docker-entrypoint.sh',
    'puts envoy before a first argument that starts with -; unless ENVOY_UID is 0, sets envoy\'s uid and gid to ENVOY_UID and ENVOY_GID (usermod, groupmod), gives it /dev/stdout and /dev/stderr, and runs the command, whatever it is, with `su-exec envoy`; with ENVOY_UID=0, `exec "$@"` as root',
  ),
  jupyterBase: at(
    'https://github.com/jupyter/docker-stacks/blob/8209386950497966c8a9aa446b9a84a5dd78eab5/images/base-notebook/Dockerfile',
    'FROM docker-stacks-foundation; CMD ["start-notebook.py"]; ends with USER ${NB_UID}; the other notebook images are built on it and end with USER ${NB_UID} too',
  ),
  bun: at(
    'https://github.com/oven-sh/bun/blob/54023f132432bbcef25cc5ccef9c5c82bc927b08/dockerhub/debian/Dockerfile',
    'groupadd --gid 1000 bun, useradd --uid 1000 bun; no USER; ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"] (prepends bun when $1 is an option or not a command, then exec "$@"), CMD ["/usr/local/bin/bun"]; WORKDIR /home/bun/app; the same in debian-slim (commit d35c15b4; 10babb5c) and alpine (addgroup/adduser, commit 4da67bfd; 06ec0aa4)',
  ),
  bunDistroless: at(
    'https://github.com/oven-sh/bun/blob/9315f7ea093524d2875e82404dfcef3d45fa501f/dockerhub/distroless/Dockerfile',
    'FROM gcr.io/distroless/base-nossl-debian13; no bun user; ENTRYPOINT ["/usr/local/bin/bun"]',
  ),
  bunTags: at(
    'https://github.com/oven-sh/bun/blob/2302898d154e5847b1c394e644ade771ec94b488/dockerhub/publish-images.sh',
    'tags: <version>[-slim|-alpine|-distroless], latest, debian, slim, alpine, distroless, canary[-<variant>]',
  ),
  devcontainerImages: at(
    'https://github.com/devcontainers/images/blob/bed3eb260c3c0d78a95ba6a5c27af3601a44b3c8/README.md',
    'dev container images, published as mcr.microsoft.com/devcontainers/<image> and again as mcr.microsoft.com/vscode/devcontainers/<image> (build/config.json secondaryContainerRegistryPath)',
  ),
  cloudWorkstationsImages: at(
    'https://cloud.google.com/workstations/docs/preconfigured-base-images',
    'Google Cloud Workstations\' base images, REGION-docker.pkg.dev/cloud-workstations-images/predefined/<image> (base, code-oss, the JetBrains IDEs), used as is or built on with FROM',
  ),
  gitpodWorkspace: at(
    'https://github.com/gitpod-io/workspace-images/blob/244a381d9b1ce6634f20e0716215c9eb9694db25/base/Dockerfile',
    'gitpod/workspace-base: useradd -u 33333 -G sudo gitpod, USER gitpod; workspace-full and the other gitpod/workspace-* images (README) build on it',
  ),
  codeServer: at(
    'https://github.com/coder/code-server/blob/88c2b7432e938f6918f21ff8d9dbfc641cd933d0/ci/release-image/Dockerfile',
    'codercom/code-server: adduser coder, USER 1000, ENTRYPOINT ["/usr/bin/entrypoint.sh", "--bind-addr", "0.0.0.0:8080", "."]: VS Code in the browser',
  ),
  actionsRunnerImage: at(
    'https://github.com/actions/runner/blob/258d6c857db3519913f7deb6004b60172f8043ae/images/Dockerfile',
    'the runner image actions-runner-controller starts: a build stage downloads actions-runner-<os>-<arch>-<version>.tar.gz from the releases, the final stage copies it in, adds user runner to sudo and docker; a workflow\'s steps run in this container',
  ),
  circleciConvenienceImages: at(
    'https://github.com/CircleCI-Public/cimg-base/blob/1e69b08f24a655b5d8997e51b2440bacaacd2338/24.04/Dockerfile',
    'cimg/base, which the other cimg/* convenience images build on: user circleci with passwordless sudo, USER circleci; a job\'s steps run in its primary container',
  ),
  githubRunnerMyoung34: at(
    'https://github.com/myoung34/docker-github-actions-runner/blob/ca51ff26634743c11da2c93bedb0f1bd54e228bd/README.md',
    'myoung34/github-runner: a self-hosted GitHub Actions runner in a container, whose jobs run in it',
  ),
  linuxserverCodeServer: at(
    'https://github.com/linuxserver/docker-code-server/blob/a5a563cd4710a04f1bc887e3bda1f29162886121/Dockerfile',
    'linuxserver/code-server: FROM ghcr.io/linuxserver/baseimage-ubuntu (s6-overlay, which starts as root and runs the IDE as abc), EXPOSE 8443',
  ),
  xdebugInstall: at(
    'https://xdebug.org/docs/install',
    'Xdebug, installed with `pecl install xdebug` and enabled with docker-php-ext-enable, or as the distribution\'s php-xdebug package: a step debugger and profiler that connects out to the developer\'s IDE',
  ),
  tiniUbuntu: at(
    'https://packages.ubuntu.com/focal/tini',
    'universe, from the Debian package (uploaded after Ubuntu 18.04 froze): 20.04 is the first LTS with it',
  ),
  environmentRepoInfo: at(
    'https://github.com/docker-library/repo-info/blob/01470af91233e78aee4c06b90ded37a40ddcfaa3/repos/ubuntu/remote/noble.md',
    'with repos/debian/remote/bookworm.md (05f354f), repos/alpine/remote/latest.md (1746b58) and repos/oraclelinux/remote/9-slim.md: the OS images set no ENV, their config carries only the builder\'s PATH',
  ),
  environmentBuildpackDeps: at(
    'https://github.com/docker-library/buildpack-deps/commits/8330ca1d2319b779c8b7a8aa64bb40dbe568e1e2',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit (DEBIAN_FRONTEND, long gone)',
  ),
  environmentPython: at(
    'https://github.com/docker-library/python/commits/4f07059567fa61c80397126e8063dbbde011b794',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentNode: at(
    'https://github.com/nodejs/docker-node/commits/f27d936f7d7ccdeec25cd2de33584c1a841f561d',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentRuby: at(
    'https://github.com/docker-library/ruby/commits/d55e25ae709885250a4e9718c27a09f1e963ca79',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentGolang: at(
    'https://github.com/docker-library/golang/commits/7c8c182bfc19ee3169d0596ae63917d2c7166f94',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentOpenjdk: at(
    'https://github.com/docker-library/openjdk/commits/da2d75fdafc1da23b6c86e3bea2c2f63aacc9170',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentPhp: at(
    'https://github.com/docker-library/php/commits/445bf414f1d5866f7aef715f1203eae043710070',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentRust: at(
    'https://github.com/rust-lang/docker-rust/commits/7668ee290612ac3ac42dbfcbdfae75120263d2c9',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2017 on',
  ),
  environmentNginx: at(
    'https://github.com/nginxinc/docker-nginx/commits/b430becb8f0f6b8d69e68cc73a82ea2873c38639',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentHttpd: at(
    'https://github.com/docker-library/httpd/commits/9b63b37c9be3b42d16b924ebb40af3cc40793119',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentPerl: at(
    'https://github.com/Perl/docker-perl/commits/8b707a17ed1380a57b38d2dac8b4effdfd9b5194',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2014 on',
  ),
  environmentTemurin: at(
    'https://github.com/adoptium/containers/commits/d8d18d67a32e2cbc765de68c30ea0998009df325',
    'every ENV line of the Dockerfiles and templates in the history of all branches up to this commit, 2021 on; FROM ubuntu, alpine and redhat/ubi9-minimal (whose config adds `container=oci`)',
  ),
} as const;

/** Articles whose image sizes the base quotes, each labelled with its year. */
export const SIZE_SOURCES = {
  iximiuzNode: at(
    'https://labs.iximiuz.com/tutorials/how-to-choose-nodejs-container-image',
    '`docker images` of node:22, 22-slim, 22-alpine and distroless nodejs22-debian12, 2024',
  ),
  neumannPython: at('https://markneumann.xyz/blog/docker-python', '`docker images` of python:3.8, 3.8.5-slim, 3.8-alpine, 2021'),
  goelAcademy: at(
    'https://goelacademy.com/blog/docker-image-optimization',
    'compressed sizes of ubuntu:24.04, debian:bookworm(-slim), alpine:3.20, distroless static and base, 2025',
  ),
  dotnetBefore8: at(
    'https://github.com/dotnet/dotnet-docker/blob/1180b9527b9932d666dab00d9618de3c4d26599f/src/runtime-deps/6.0/alpine3.17/amd64/Dockerfile',
    'runtime-deps 6.0 and 7.0 set ASPNETCORE_URLS=http://+:80 and create no user (the sdk image empties ASPNETCORE_URLS); from 8.0 runtime-deps sets ASPNETCORE_HTTP_PORTS=8080 and APP_UID=1654',
  ),
  distrolessReadme: at(
    'https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/README.md',
    '"static-debian13 is around 2 MiB"',
  ),
} as const;
