FROM debian:bookworm
RUN echo one
RUN if true; then echo two
RUN echo three
RUN echo four
