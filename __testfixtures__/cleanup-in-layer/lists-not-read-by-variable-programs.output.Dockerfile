FROM debian:bookworm-slim
ARG PIP=pip
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip make && rm -rf /var/lib/apt/lists/*
RUN "$POETRY_HOME/bin/poetry" install --no-root
RUN $PIP install -r requirements.txt
RUN ${MAKE:-make} install
RUN echo "then run apt-get install foo" > /README
