FROM node:22-alpine AS app
WORKDIR /etc/app
COPY dist .
# Kept writable for gid 0, as OpenShift runs the container
RUN mkdir -p /etc/app/packages/cli/alteration-scripts && chmod g+w /etc/app/packages/cli/alteration-scripts
USER 1000:0
EXPOSE 3001
ENTRYPOINT ["node", "main.js"]
