FROM debian:bookworm-slim AS unpack
COPY app.tar.gz /tmp/
RUN mkdir -p /usr/share/app && tar -xzf /tmp/app.tar.gz -C /usr/share/app

FROM debian:bookworm-slim
ARG APP_HOME=/usr/share/app
COPY --from=unpack /usr/share/app /usr/share/app
WORKDIR $APP_HOME
ENTRYPOINT ["./docker-entrypoint.sh"]
CMD ["app"]
