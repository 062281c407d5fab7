FROM alpine:3.19

ENV APP_HOME=/opt/app

# Install runtime dependencies
RUN apk add --no-cache \
  ca-certificates \
  less \
  \
  # remoting over SSH
  openssh-client \
  \
  && apk upgrade --no-cache \
  # link the launcher
  && ln -s ${APP_HOME}/bin/app /usr/bin/app

RUN apk add --no-cache tzdata && \
    # refresh the index before the upgrade
    apk upgrade --no-cache

CMD ["app"]
