FROM python:3.11-alpine
RUN apk add --no-cache tzdata
ENV LANG=C.UTF-8
CMD ["python", "-V"]
