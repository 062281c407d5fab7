# Builds the HTML in the base image's WORKDIR: the Dockerfile does not say where that is.
FROM python:3.13-alpine AS build
COPY requirements.txt /requirements.txt
COPY . /docs
RUN pip3 install -r requirements.txt \
  && sphinx-build /docs /build

FROM nginx:1.29-alpine
COPY --from=build /build /usr/share/nginx/html
