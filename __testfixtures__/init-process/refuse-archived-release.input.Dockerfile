FROM ubuntu:22.10
COPY app /app
CMD /app/setup && /app/run
