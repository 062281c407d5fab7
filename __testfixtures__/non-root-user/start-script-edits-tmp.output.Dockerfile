FROM node:20-slim
WORKDIR /srv/app
COPY . .
USER 1000:1000
# the entrypoint edits only its copy in /tmp, which any user may write
ENTRYPOINT ["./entrypoint.sh"]
