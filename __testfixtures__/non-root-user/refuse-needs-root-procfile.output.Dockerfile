FROM nginx:1.27-alpine
COPY --from=nginxproxy/forego:0.18 /usr/local/bin/forego /usr/local/bin/forego
RUN apk add --no-cache python3
COPY app /app/
WORKDIR /app/
CMD ["forego", "start", "-r"]
