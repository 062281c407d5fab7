FROM node:20-slim
WORKDIR /srv/app
COPY . .
# the entrypoint edits only its copy in /tmp, which any user may write
ENTRYPOINT ["./entrypoint.sh"]
