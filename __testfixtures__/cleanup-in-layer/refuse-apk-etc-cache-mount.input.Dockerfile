FROM alpine:3.19
RUN --mount=type=cache,target=/etc/apk/cache,sharing=locked apk add git
RUN --mount=type=cache,target=/etc/apk/cache,sharing=locked apk cache clean
CMD ["git"]
