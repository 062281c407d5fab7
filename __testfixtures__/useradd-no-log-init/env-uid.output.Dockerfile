FROM node:lts-slim
ENV NODE_ENV=production \
    USER=nodebb \
    UID=1001 \
    GID=1001
ENV SVC_UID=200000
WORKDIR /usr/src/app/

# Both uids are fixed by ENV: 1001 writes small logs, 200000 large ones.
RUN groupadd --gid ${GID} ${USER} \
    && useradd --uid ${UID} --gid ${GID} --home-dir /usr/src/app/ --shell /bin/bash ${USER} \
    && useradd --no-log-init --system --uid=$SVC_UID svc

# An ENV that reads a build argument, and a uid the script sets itself, stay unknown.
ARG BUILD_UID=1002
ENV RUN_UID=$BUILD_UID
RUN useradd --no-log-init --uid "$RUN_UID" runner \
    && UID=1003 && useradd --no-log-init --uid $UID -m helper
USER nodebb
