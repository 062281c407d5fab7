FROM debian:bookworm
COPY scripts/ /scripts/
RUN sed -i 's/\r$//' /scripts/*.sh && \
    # make them executable (the \r is gone now)
    chmod +x /scripts/*.sh
