# Docker build arguments
ARG DOTNET_VERSION=8.0

ARG PACKAGE_TYPE=debian
ARG PACKAGE_VERSION=12

FROM ${PACKAGE_TYPE}:${PACKAGE_VERSION}

ARG DOTNET_VERSION
ARG PACKAGE_TYPE
ARG PACKAGE_VERSION

ENV SOURCE_DIR=/jellyfin
ENV TYPE=${PACKAGE_TYPE}

RUN apt-get update -y \
 && apt-get install --no-install-recommends -y wget git devscripts build-essential \
 && rm -rf /var/lib/apt/lists/*

RUN wget https://packages.microsoft.com/config/${PACKAGE_TYPE}/${PACKAGE_VERSION}/packages-microsoft-prod.deb -O packages-microsoft-prod.deb \
 && dpkg -i packages-microsoft-prod.deb \
 && apt-get update \
 && apt-get install --no-install-recommends -y dotnet-sdk-${DOTNET_VERSION} \
 && rm -rf /var/lib/apt/lists/*

RUN ln -sf ${SOURCE_DIR}/portable/build.sh /build.sh

VOLUME ${SOURCE_DIR}/

ENTRYPOINT ["/build.sh"]
