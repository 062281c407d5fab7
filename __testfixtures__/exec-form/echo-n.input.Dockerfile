FROM debian:bookworm-slim
CMD echo -n ready
