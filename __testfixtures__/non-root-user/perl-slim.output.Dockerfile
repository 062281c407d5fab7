FROM perl:5.40-slim
WORKDIR /usr/src/app
COPY cpanfile .
RUN cpanm --notest --installdeps .
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 5000
CMD ["plackup", "--port", "5000", "app.psgi"]
