FROM debian:bookworm
RUN echo a
RUN make &>> /tmp/log
