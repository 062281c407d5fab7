FROM node:20-bookworm
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
RUN curl --fail-with-body -o /tmp/a.json https://api.github.com/repos/nodejs/node/releases/latest
RUN curl -s https://ifconfig.me
RUN curl -o /dev/null -s https://example.com/warm-cache
RUN curl -sI https://example.com > /tmp/headers
RUN wget -qO- https://get.pnpm.io/install.sh | sh -
