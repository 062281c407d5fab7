FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && curl -fsSL https://ollama.com/install.sh | sh \
    && rm -rf /var/lib/apt/lists/*
EXPOSE 11434
# Pull the model in the background once the server answers.
CMD ["sh", "-c", "ollama serve & sleep 5 && ollama pull llama3 && wait"]
