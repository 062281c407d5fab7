FROM eclipse-temurin:17-jre-alpine

ADD conf /etc/nginx
# a gzip file that holds no tar: ADD copies it as it is
ADD ip-ranges.json.gz /usr/share/ip-ranges/
ADD docker-entrypoint lib/app.jar /usr/local/bin/
Add --chown=app:app --chmod=755 docker-entrypoint /entrypoint

ENTRYPOINT ["/entrypoint"]
