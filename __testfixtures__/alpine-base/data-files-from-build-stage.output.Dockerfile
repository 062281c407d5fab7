FROM ruby:3.3 AS build
COPY . /src
WORKDIR /src
RUN make plugin

FROM ruby:3.3-alpine
COPY --from=build /src/lib/plugin/out_http.rb /usr/lib/app/plugins/out_http.rb
COPY --from=build /src/conf/http.conf /etc/app/http.conf
CMD ["ruby", "/usr/lib/app/plugins/out_http.rb"]
