FROM gcc:13
WORKDIR /usr/src/stats
COPY . .
RUN gcc -O2 -o stats stats.c -lm && cp stats /usr/local/bin/
CMD ["stats"]
