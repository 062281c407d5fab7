FROM debian:stretch-slim
COPY app /app
CMD /app/setup && /app/run
