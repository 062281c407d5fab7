FROM eclipse-temurin:17-jre-alpine

COPY conf /etc/nginx
# a gzip file that holds no tar: ADD copies it as it is
COPY ip-ranges.json.gz /usr/share/ip-ranges/
COPY docker-entrypoint lib/app.jar /usr/local/bin/
Copy --chown=app:app --chmod=755 docker-entrypoint /entrypoint

ENTRYPOINT ["/entrypoint"]
