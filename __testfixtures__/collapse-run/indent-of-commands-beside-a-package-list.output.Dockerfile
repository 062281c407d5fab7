FROM debian:12
RUN apt-get update && \
    apt-get install -y curl
COPY x /x
RUN apt-get install -y \
        git \
        make && \
    echo done
CMD ["bash"]
