FROM debian:bookworm
COPY scripts/ /scripts/
RUN sed -i 's/\r$//' /scripts/*.sh
RUN \
    # make them executable (the \r is gone now)
    chmod +x /scripts/*.sh
