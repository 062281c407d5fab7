FROM debian:bookworm
RUN apt-get update
RUN # nothing to do here
RUN echo done
