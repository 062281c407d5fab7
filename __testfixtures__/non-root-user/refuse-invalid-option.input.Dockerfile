FROM debian:bookworm-slim
COPY report /usr/local/bin/report
CMD ["report"]
