FROM erlang:27-alpine
WORKDIR /app
RUN wget -q -O /tmp/rebar3.tar.gz https://s3.amazonaws.com/rebar3/rebar3.tar.gz && tar -xzf /tmp/rebar3.tar.gz -C /usr/local/bin && rm /tmp/rebar3.tar.gz
COPY . .
RUN rebar3 compile
CMD ["rebar3", "shell"]
