FROM gcc:13
WORKDIR /usr/src/stats
COPY . .
RUN make && make install PREFIX=/usr/local
CMD ["stats"]
