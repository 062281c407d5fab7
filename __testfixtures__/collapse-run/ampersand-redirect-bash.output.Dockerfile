FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN echo a && \
    make &>> /tmp/log
