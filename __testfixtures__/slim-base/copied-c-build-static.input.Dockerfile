FROM python:3.12-bookworm AS build
WORKDIR /src
COPY tool.c .
RUN gcc -O2 -static -o /usr/local/bin/tool tool.c

FROM python:3.12-bookworm
COPY --from=build /usr/local/bin/tool /usr/local/bin/tool
CMD ["tool"]
