FROM debian:bookworm-slim
CMD echo -e "hello"
