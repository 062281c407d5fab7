FROM debian:bookworm
RUN sleep 5 &>/dev/null
RUN echo b
