FROM golang:1.22
COPY tools/migrate/ /tmpl/
WORKDIR /src/cmd/api
COPY . /src
RUN ( apt-get update && apt-get install -y golang-migrate && migrate -version && cp -r /tmpl/. . ) && \
    go install -trimpath && migrate -version
