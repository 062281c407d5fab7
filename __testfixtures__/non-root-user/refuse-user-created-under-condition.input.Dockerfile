FROM sbtscala/scala-sbt:eclipse-temurin-21.0.5_11_1.10.7_3.6.2

ARG USER_ID

# The image has sbtuser (1001); give the host's uid an account of its own when it differs.
RUN if [ "$USER_ID" != "1001" ] && [ "$USER_ID" != "0" ]; then \
        useradd -m -u $USER_ID -g sbtuser newuser; \
    fi

WORKDIR /app
CMD ["sbt", "run"]
