FROM debian:bookworm-slim
WORKDIR /opt
RUN wget -q https://downloads.apache.org/maven/maven-3/3.9.9/binaries/apache-maven-3.9.9-bin.tar.gz --read-timeout 20 --waitretry 2 \
    && tar xzf apache-maven-3.9.9-bin.tar.gz \
    && rm -f apache-maven-3.9.9-bin.tar.gz
CMD ["bash"]
