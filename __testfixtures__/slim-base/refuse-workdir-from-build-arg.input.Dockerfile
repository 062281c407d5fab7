FROM python:3.12
ARG APP_HOME=/srv/app
# another build may set APP_HOME elsewhere: which setup.sh runs is not known
WORKDIR $APP_HOME
COPY . .
RUN ./setup.sh
CMD ["python", "app.py"]
