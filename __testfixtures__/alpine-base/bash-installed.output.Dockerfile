FROM python:3.12-alpine
RUN apk add --no-cache bash
COPY start.sh /start.sh
CMD ["bash", "/start.sh"]
