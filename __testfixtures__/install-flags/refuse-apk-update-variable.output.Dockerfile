FROM alpine:3.19
ARG APK=apk
RUN apk update && apk add --no-cache curl
RUN $APK add jq
