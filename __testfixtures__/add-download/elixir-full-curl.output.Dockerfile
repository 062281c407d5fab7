FROM elixir:1.17-otp-27
WORKDIR /app
RUN curl -fsSL -o /tmp/tailwind.tar.gz https://github.com/tailwindlabs/tailwindcss/releases/download/v3.4.4/tailwindcss-linux-x64.tar.gz && tar -xzf /tmp/tailwind.tar.gz -C /usr/local/bin && rm /tmp/tailwind.tar.gz
COPY . .
RUN mix deps.get && mix compile
CMD ["mix", "phx.server"]
