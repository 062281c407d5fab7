FROM python:3.12-alpine
RUN apk add --no-cache cyrus-sasl-gssapiv2 cyrus-sasl-gs2 cyrus-sasl-crammd5 cyrus-sasl-digestmd5 cyrus-sasl-login cyrus-sasl-ntlm cyrus-sasl-plain cyrus-sasl-scram libecpg
COPY app.sh /app.sh
CMD ["/app.sh"]
