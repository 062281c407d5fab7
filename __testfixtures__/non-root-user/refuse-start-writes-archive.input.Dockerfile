FROM ruby:3.4-slim
RUN apt-get update && apt-get install -y --no-install-recommends zip && rm -rf /var/lib/apt/lists/*
WORKDIR /campfire
COPY . .
CMD ["zip", "-r", "/campfire.zip", "."]
