FROM debian:bookworm
RUN ["apt-get", "update"]
ENV A=1
RUN echo single
