FROM debian:bookworm AS Build
RUN mkdir -p /opt/app/bin && cp /bin/ls /opt/app/bin/run

FROM debian:bookworm-slim
COPY --from=0 /opt/app /opt/app
CMD ["/opt/app/bin/run"]
