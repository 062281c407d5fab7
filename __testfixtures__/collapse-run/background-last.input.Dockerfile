FROM debian:bookworm
RUN mkdir -p /var/run/app
RUN touch /var/run/app/started && sleep 1 &
