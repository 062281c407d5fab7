FROM openjdk:11-slim-bullseye
WORKDIR /opt
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-dev python3-pip build-essential \
    && rm -rf /var/lib/apt/lists/*
# jep (Java Embedded Python) compiles its JNI bridge when pip installs it
RUN pip3 install --no-cache-dir jep==4.2.1
COPY notebook-server.jar /opt/notebook-server.jar
CMD ["java", "-jar", "/opt/notebook-server.jar"]
