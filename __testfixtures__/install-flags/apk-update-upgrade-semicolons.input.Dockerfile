FROM eclipse-temurin:21-jre-alpine

RUN set -eux ; \
    apk update ; \
    apk upgrade ; \
    apk add --no-cache gcompat procps bash; \
    mkdir -p /opt/app /var/lib/app/data; \
    adduser -h /home/appuser -D --shell /bin/bash appuser; \
    chown appuser:appuser -R /opt/app /var/lib/app

USER appuser
CMD ["/opt/app/run"]
