FROM ruby:3.3-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY app.rb /app/app.rb
RUN curl -fsSL https://example.com/config.yml -o /app/config.yml
CMD ["ruby", "/app/app.rb"]
