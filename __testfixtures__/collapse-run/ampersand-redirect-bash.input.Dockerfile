FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN echo a
RUN make &>> /tmp/log
