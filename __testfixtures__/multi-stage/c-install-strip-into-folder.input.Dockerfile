FROM gcc:13
WORKDIR /usr/src/stats
COPY . .
RUN gcc -O2 -o /opt/build/stats stats.c -lm \
    && install -s -m 0755 -t /usr/local/bin /opt/build/stats
CMD ["stats"]
