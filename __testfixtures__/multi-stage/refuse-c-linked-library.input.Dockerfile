FROM gcc:13
WORKDIR /usr/src/hello
COPY . .
RUN make && make install PREFIX=/usr/local
ENV TZ=UTC
CMD ["hello", "--port", "9000"]
