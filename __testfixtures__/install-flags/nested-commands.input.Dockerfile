FROM python:3.12
RUN if [ -f requirements.txt ]; then pip install -r requirements.txt; fi
RUN for p in a b; do gem install "$p"; done && (cd /src && pip install .)
RUN yes | apt-get install -y x
RUN $PIP install flask && echo "$(apk add curl)" && ${APT_GET} install -y y
RUN echo pip install flask
