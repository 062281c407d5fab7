FROM alpine:3.20
ARG EXTRA
WORKDIR /app
# A folder named by a variable, copied after entrypoint.sh, may hold another entrypoint.sh.
COPY entrypoint.sh ${EXTRA} ./
ENTRYPOINT ["/app/entrypoint.sh"]
