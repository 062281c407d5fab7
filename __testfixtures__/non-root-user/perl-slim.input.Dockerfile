FROM perl:5.40-slim
WORKDIR /usr/src/app
COPY cpanfile .
RUN cpanm --notest --installdeps .
COPY . .
EXPOSE 5000
CMD ["plackup", "--port", "5000", "app.psgi"]
