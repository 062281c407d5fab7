FROM erlang:27
WORKDIR /src
COPY rebar.config rebar.lock ./
RUN rebar3 compile
COPY . .
RUN rebar3 as prod release
EXPOSE 8080
CMD ["/src/_build/prod/rel/myapp/bin/myapp", "foreground"]
