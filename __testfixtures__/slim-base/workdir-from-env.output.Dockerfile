FROM python:3.12-slim
ENV APP_HOME=/srv/app
# the WORKDIR the ENV names: ./setup.sh is /srv/app/setup.sh, copied from the build context
WORKDIR $APP_HOME
COPY . .
RUN ./setup.sh
CMD ["python", "app.py"]
