FROM ruby:3.3-slim

RUN groupadd --gid 1000 app &&\
    useradd --uid 1000 --gid 1000 -m --shell /bin/bash app

RUN echo 1.0.`date +%Y%m%d` > /VERSION
RUN mkdir -p /var/www/app

RUN apt-get update &&\
    apt-get install -y --no-install-recommends \
      libpq5 \
      libjemalloc2 &&\
    apt-get clean

CMD ["bash"]
