FROM alpine:3.19
RUN apk update && apk add --no-cache bash
# -o takes pipefail: bash runs the -c string, which runs no apk
RUN bash -o pipefail -c 'ls -l /etc | wc -l'
