FROM alpine:3.20 AS build
RUN apk add --no-cache build-base nasm curl
WORKDIR /tmp/ffmpeg
RUN curl -fsSL https://ffmpeg.org/releases/ffmpeg-7.1.tar.xz | tar -xJ --strip-components=1 \
    && ./configure --prefix=/usr/local --disable-doc \
    && make -j"$(nproc)" && make install

FROM alpine:3.20
COPY --from=build /usr/local /usr/local
ENV LD_LIBRARY_PATH=/usr/local/lib
CMD ["--help"]
ENTRYPOINT ["ffmpeg"]
