FROM debian:bookworm-slim
# Do not split this into multiple RUN!
RUN apt-get update \
 && apt-get install -y --no-install-recommends ruby ruby-dev make gcc libc-dev \
 && echo 'gem: --no-document' >> /etc/gemrc \
 && gem install oj -v 3.16.3 \
 && gem install fluentd -v 1.16.5 \
 && rm -rf /var/lib/apt/lists/*
CMD ["fluentd"]
