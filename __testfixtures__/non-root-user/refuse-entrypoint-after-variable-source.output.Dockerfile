FROM alpine:3.20
ARG TARGETOS
ARG TARGETARCH
WORKDIR /app
RUN apk add --no-cache su-exec
# The variable source comes first: entrypoint.sh, copied after it, is the one at ./entrypoint.sh.
COPY app-${TARGETOS}-${TARGETARCH}/app entrypoint.sh ./
ENTRYPOINT ["/app/entrypoint.sh"]
