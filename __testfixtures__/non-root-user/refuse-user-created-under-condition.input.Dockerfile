FROM eclipse-temurin:21-jre

ARG USER_ID

# Give the host's uid an account of its own unless it is root's or the image's first user's.
RUN if [ "$USER_ID" != "1000" ] && [ "$USER_ID" != "0" ]; then \
        useradd -m -u $USER_ID newuser; \
    fi

WORKDIR /app
COPY target/app.jar ./
CMD ["java", "-jar", "app.jar"]
