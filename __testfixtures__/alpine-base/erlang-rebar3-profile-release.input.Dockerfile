FROM erlang:27 AS build
WORKDIR /src
COPY . .
RUN rebar3 as prod release

FROM erlang:27
COPY --from=build /src/_build/prod/rel/app /opt/app
CMD ["/opt/app/bin/app", "foreground"]
