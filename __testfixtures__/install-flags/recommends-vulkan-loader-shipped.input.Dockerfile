FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y ca-certificates libvulkan1 libopenblas0 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /bin/llama-server /usr/bin/llama-server
ENV LLAMA_ARG_HOST=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["/usr/bin/llama-server"]
