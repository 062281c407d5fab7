FROM debian:bookworm
ARG USER=root
USER ${USER}
COPY app /app
CMD ["/app"]
