FROM gcc:13
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/api
COPY . .
RUN make
CMD ["./api"]
