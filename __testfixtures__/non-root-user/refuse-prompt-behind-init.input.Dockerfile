# A toolbox image: tini runs the shell, and `docker run IMAGE /lint.sh` names the script.
FROM alpine:3.20
RUN apk --no-cache --no-progress add curl tini
COPY ./scripts/lint.sh /lint.sh
WORKDIR /app
VOLUME ["/tmp","/app"]
ENTRYPOINT ["/sbin/tini","-g","sh"]
