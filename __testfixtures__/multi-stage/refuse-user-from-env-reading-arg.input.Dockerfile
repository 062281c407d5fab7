FROM golang:1.22-bookworm
ARG APP_USER=nobody
ENV APP_USER=$APP_USER
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/api .
USER $APP_USER
CMD ["api"]
