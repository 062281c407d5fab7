FROM buildpack-deps:bookworm

RUN apt-get update && apt-get install -y \
		ca-certificates \
		curl

RUN curl -fSLO "https://example.com/app.tar.gz" \
	&& tar -xzf app.tar.gz -C /usr/local \
	&& rm app.tar.gz

CMD ["app"]
