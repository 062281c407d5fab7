# RUNs after the COPY that only change the script's mode, install a package, or copy other files elsewhere: the script read is the one that runs.
FROM node:20-bookworm-slim
WORKDIR /usr/src/app
COPY . .
RUN chmod +x start.sh \
 && apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
 && cp app.conf /etc/ \
 && install -m 755 tool.sh /usr/local/bin/tool.sh
USER 1000:1000
CMD ["./start.sh"]
