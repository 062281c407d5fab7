FROM ubuntu:22.04

RUN apt-get update \
    && apt-get install --yes --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && chmod ugo+Xrw -R /etc/app
# The last chmod is here to make the next one a no-op in the official image

# post install
# open the data folder to an arbitrary uid (OpenShift)
RUN mkdir -p /var/lib/app \
    && chmod ugo+Xrw -R /var/lib/app

CMD ["app"]
