FROM eclipse-temurin:21-jdk
ENV LEIN_ROOT=1
RUN curl -fsSLo /usr/local/bin/lein https://raw.githubusercontent.com/technomancy/leiningen/2.11.2/bin/lein \
    && chmod +x /usr/local/bin/lein \
    && lein version
WORKDIR /app
COPY project.clj ./
RUN lein deps
COPY . .
EXPOSE 3000
CMD ["lein", "run"]
