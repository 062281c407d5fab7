FROM debian:bookworm-slim
RUN apt-get update \
   && apt-get install -y unzip

# When groupadd succeeds, the `||` skips the update, and the install reads the lists above.
RUN groupadd -g 1000 app || apt-get update \
    && apt-get install -y jq \
    && rm -rf /var/lib/apt/lists/*
