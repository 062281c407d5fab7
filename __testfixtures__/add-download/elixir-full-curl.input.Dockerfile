FROM elixir:1.17-otp-27
WORKDIR /app
ADD https://github.com/tailwindlabs/tailwindcss/releases/download/v3.4.4/tailwindcss-linux-x64.tar.gz /tmp/tailwind.tar.gz
RUN tar -xzf /tmp/tailwind.tar.gz -C /usr/local/bin && rm /tmp/tailwind.tar.gz
COPY . .
RUN mix deps.get && mix compile
CMD ["mix", "phx.server"]
