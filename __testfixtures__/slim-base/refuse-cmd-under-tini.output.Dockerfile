FROM python:3.12
COPY . /app
WORKDIR /app
ENTRYPOINT ["tini", "--"]
CMD ["make", "serve"]
