FROM alpine:3.19
RUN apk update && apk add --no-cache curl
# installs what the job needs when the container starts
CMD ["sh", "-c", "apk add yq && yq --version"]
