FROM node:20-slim
ENV APP_HOME=/srv/app
# the string's variable has the value ENV gives it: the shell makes a folder and writes a file
RUN sh -c "mkdir -p $APP_HOME/data && echo ready > $APP_HOME/data/state"
CMD ["node", "index.js"]
