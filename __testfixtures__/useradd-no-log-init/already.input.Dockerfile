FROM ubuntu:22.04
RUN groupadd -r app && useradd --no-log-init -r -g app app
RUN useradd -rlm -u 1000000 builder
RUN useradd -D -s /bin/bash
# busybox adduser is another program
RUN adduser -D -u 1000 web
