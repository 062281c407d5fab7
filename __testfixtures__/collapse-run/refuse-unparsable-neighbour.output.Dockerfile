FROM debian:bookworm
RUN echo one
RUN if true; then echo two
RUN echo three && \
    echo four
