FROM python:3.12
RUN if [ -f requirements.txt ]; then pip install --no-cache-dir -r requirements.txt; fi
RUN for p in a b; do gem install --no-document "$p"; done && (cd /src && pip install --no-cache-dir .)
RUN yes | apt-get install --no-install-recommends -y x
RUN $PIP install flask && echo "$(apk add curl)" && ${APT_GET} install -y y
RUN echo pip install flask
