FROM alpine:3.22
LABEL maintainer="maintainers@example.org"

RUN apk --no-cache add bash git openssh

RUN apk update && \
    apk upgrade

COPY --from=build /src/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
