FROM debian:bookworm-slim
COPY run.sh /usr/local/bin/run.sh
RUN chmod +x /usr/local/bin/run.sh
# /bin/sh runs a file without a #! line as a script; the kernel does not
CMD run.sh
