FROM erlang:26
WORKDIR /srv
COPY . .
RUN rebar get-deps compile
CMD ["erl", "-pa", "ebin", "deps/*/ebin", "-s", "myapp"]
