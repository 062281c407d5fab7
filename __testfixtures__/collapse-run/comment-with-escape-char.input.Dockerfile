FROM debian:bookworm
COPY scripts/ /scripts/
RUN sed -i 's/\r$//' /scripts/*.sh
# strip the \r of files checked out on Windows, then make them executable
RUN chmod +x /scripts/*.sh
